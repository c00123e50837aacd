"$OWNERTRACE" validate bad/bad-yaml-two-documents.yaml
