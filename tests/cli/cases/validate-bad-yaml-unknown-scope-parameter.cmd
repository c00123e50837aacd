"$OWNERTRACE" validate bad/bad-yaml-unknown-scope-parameter.yaml
