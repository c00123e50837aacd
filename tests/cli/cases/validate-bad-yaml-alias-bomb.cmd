"$OWNERTRACE" validate bad/bad-yaml-alias-bomb.yaml
