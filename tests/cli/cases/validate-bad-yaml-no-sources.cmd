"$OWNERTRACE" validate bad/bad-yaml-no-sources.yaml
