"$OWNERTRACE" validate bad/bad-yaml-share-1e999.yaml
