import struct, zlib
def png(path, w, h, color):
    raw = b''.join(b'\x00' + bytes(color) * w for _ in range(h))
    def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    data = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')
    open(path, 'wb').write(data)
png('red.png', 64, 32, (220, 30, 30))
png('blue.png', 64, 32, (30, 30, 220))
# EXIF (a TIFF structure, big-endian): IFD0 with Orientation=6 and a GPS IFD pointer; GPS IFD with latitude N 48/1 51/1 24/1
def entry(tag, typ, count, value): return struct.pack('>HHI', tag, typ, count) + value
ifd0_off = 8
ifd0 = struct.pack('>H', 2) + entry(0x0112, 3, 1, struct.pack('>HH', 6, 0)) + entry(0x8825, 4, 1, struct.pack('>I', 0)) + struct.pack('>I', 0)
gps_off = ifd0_off + len(ifd0)
ifd0 = struct.pack('>H', 2) + entry(0x0112, 3, 1, struct.pack('>HH', 6, 0)) + entry(0x8825, 4, 1, struct.pack('>I', gps_off)) + struct.pack('>I', 0)
lat_off = gps_off + 2 + 2 * 12 + 4
gps = struct.pack('>H', 2) + entry(0x0001, 2, 2, b'N\x00\x00\x00') + entry(0x0002, 5, 3, struct.pack('>I', lat_off)) + struct.pack('>I', 0)
lat = struct.pack('>IIIIII', 48, 1, 51, 1, 24, 1)
open('gps.exif', 'wb').write(b'MM\x00\x2a' + struct.pack('>I', ifd0_off) + ifd0 + gps + lat)
open('gps.xmp', 'w').write('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="48,51.4N" exif:GPSLongitude="2,21.1E"/></rdf:RDF></x:xmpmeta>')
