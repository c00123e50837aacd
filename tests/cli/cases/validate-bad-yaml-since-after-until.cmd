"$OWNERTRACE" validate bad/bad-yaml-since-after-until.yaml
