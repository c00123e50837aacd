"$OWNERTRACE" validate bad/bad-yaml-zero-date.yaml
