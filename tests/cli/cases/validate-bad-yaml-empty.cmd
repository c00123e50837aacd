"$OWNERTRACE" validate bad/bad-yaml-empty.yaml
