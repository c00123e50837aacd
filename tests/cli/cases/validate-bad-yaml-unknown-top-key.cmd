"$OWNERTRACE" validate bad/bad-yaml-unknown-top-key.yaml
