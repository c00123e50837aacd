"$OWNERTRACE" validate bad/bad-yaml-share-over-100.yaml
