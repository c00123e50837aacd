"$OWNERTRACE" validate bad/bad-yaml-comma-in-flow-name.yaml
