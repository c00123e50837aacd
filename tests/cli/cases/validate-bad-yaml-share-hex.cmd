"$OWNERTRACE" validate bad/bad-yaml-share-hex.yaml
