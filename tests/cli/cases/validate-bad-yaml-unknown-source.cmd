"$OWNERTRACE" validate bad/bad-yaml-unknown-source.yaml
