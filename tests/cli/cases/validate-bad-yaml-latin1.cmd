"$OWNERTRACE" validate bad/bad-yaml-latin1.yaml
