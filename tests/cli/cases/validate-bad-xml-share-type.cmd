"$OWNERTRACE" validate bad/bad-xml-share-type.xml
