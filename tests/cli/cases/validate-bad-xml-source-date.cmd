"$OWNERTRACE" validate bad/bad-xml-source-date.xml
