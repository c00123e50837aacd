"$OWNERTRACE" validate bad/bad-xml-latin1.xml
