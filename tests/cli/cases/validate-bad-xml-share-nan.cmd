"$OWNERTRACE" validate bad/bad-xml-share-nan.xml
