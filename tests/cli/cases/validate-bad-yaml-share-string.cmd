"$OWNERTRACE" validate bad/bad-yaml-share-string.yaml
