"$OWNERTRACE" validate bad/bad-yaml-id-with-space.yaml
