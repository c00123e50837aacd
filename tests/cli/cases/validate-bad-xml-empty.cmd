"$OWNERTRACE" validate bad/bad-xml-empty.xml
