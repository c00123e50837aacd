"$OWNERTRACE" validate bad/bad-yaml-unknown-key.yaml
