"$OWNERTRACE" validate bad/bad-yaml-share-nan.yaml
