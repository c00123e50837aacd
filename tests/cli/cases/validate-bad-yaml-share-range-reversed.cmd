"$OWNERTRACE" validate bad/bad-yaml-share-range-reversed.yaml
