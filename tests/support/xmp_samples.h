#pragma once
// A sidecar as the photo tools leave it, for the XMP tests and the XMP fuzz test.

namespace twinsight::testing {

// What darktable and Lightroom leave in a sidecar: bag keywords, a lang-alt title, a foreign namespace holding a
// sequence of structs written both as attributes and as a nested rdf:Description, and an earlier rating.
inline const char* const kDarktableSidecar = R"(<?xml version="1.0" encoding="UTF-8"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 4.4.0-Exiv2">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:darktable="http://darktable.sf.net/"
    xmp:Rating="3"
    xmp:CreatorTool="darktable 4.4.2"
    darktable:xmp_version="5"
    darktable:history_end="2">
   <dc:subject><rdf:Bag><rdf:li>cat</rdf:li><rdf:li>garden</rdf:li></rdf:Bag></dc:subject>
   <dc:title><rdf:Alt>
     <rdf:li xml:lang="x-default">Evening</rdf:li><rdf:li xml:lang="de-DE">Abend</rdf:li>
   </rdf:Alt></dc:title>
   <darktable:history><rdf:Seq>
     <rdf:li darktable:operation="exposure" darktable:enabled="1" darktable:params="0000c03f"/>
     <rdf:li><rdf:Description darktable:operation="colorin" darktable:enabled="0"/></rdf:li>
   </rdf:Seq></darktable:history>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>)";

}  // namespace twinsight::testing
