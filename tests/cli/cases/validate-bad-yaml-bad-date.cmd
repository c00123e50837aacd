"$OWNERTRACE" validate bad/bad-yaml-bad-date.yaml
