"$OWNERTRACE" validate bad/bad-yaml-syntax.yaml
