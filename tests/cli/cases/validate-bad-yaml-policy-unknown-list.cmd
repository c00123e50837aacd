"$OWNERTRACE" validate bad/bad-yaml-policy-unknown-list.yaml
