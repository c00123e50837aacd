"$OWNERTRACE" validate bad/bad-xml-boolean.xml
