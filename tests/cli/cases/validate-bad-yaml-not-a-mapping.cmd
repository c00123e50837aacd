"$OWNERTRACE" validate bad/bad-yaml-not-a-mapping.yaml
