"$OWNERTRACE" validate bad/bad-xml-share-range.xml
