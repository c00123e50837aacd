"$OWNERTRACE" validate bad/bad-yaml-missing-name.yaml
