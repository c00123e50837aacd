"$OWNERTRACE" validate bad/bad-xml-date.xml
