"$OWNERTRACE" validate bad/bad-yaml-unknown-entity.yaml
