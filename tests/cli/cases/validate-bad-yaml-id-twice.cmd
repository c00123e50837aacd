"$OWNERTRACE" validate bad/bad-yaml-id-twice.yaml
