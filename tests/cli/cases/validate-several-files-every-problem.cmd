"$OWNERTRACE" validate bad/bad-yaml-unknown-key.yaml bad/bad-yaml-id-twice.yaml bad/bad-xml-share-range.xml
