"$OWNERTRACE" validate bad/bad-yaml-truncated.yaml
