"$OWNERTRACE" validate bad/bad-xml-share-hex.xml
