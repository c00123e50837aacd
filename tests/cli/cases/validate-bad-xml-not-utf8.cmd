"$OWNERTRACE" validate bad/bad-xml-not-utf8.xml
