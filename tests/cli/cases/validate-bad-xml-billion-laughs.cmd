"$OWNERTRACE" validate bad/bad-xml-billion-laughs.xml
