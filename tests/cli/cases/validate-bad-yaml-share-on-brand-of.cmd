"$OWNERTRACE" validate bad/bad-yaml-share-on-brand-of.yaml
