"$OWNERTRACE" validate bad/bad-yaml-share-two-lower-bounds.yaml
