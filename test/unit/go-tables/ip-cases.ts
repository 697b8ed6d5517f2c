// Facts from Go's own tests for the IP parsers the webhooks call: which texts each accepts.
// cert-manager checks Certificate ipAddresses with net.ParseIP (cert-manager/cert-manager
// internal/apis/certmanager/validation/certificate.go, validateIPAddresses). Istio checks AuthorizationPolicy
// ipBlocks, notIpBlocks, remoteIpBlocks, notRemoteIpBlocks and the source.ip, remote.ip and destination.ip
// conditions with netip.ParsePrefix when the value has a '/', else netip.ParseAddr (istio/istio
// pkg/config/security/security.go, ValidateIPs, called from pkg/config/validation/validation.go).

/**
 * golang/go src/net/ip_test.go, parseIPTests (read by TestParseIP), as of Go 1.22+: leading zeros in IPv4
 * fields and IPv6 groups of 5 or more digits are errors. (The index's own golang/go copy of this file is
 * older, from before Go 1.17; the current table was read from a verbatim copy of the newer file.)
 */
export const GO_PARSE_IP_OK: readonly string[] = [
  '127.0.1.2',
  '127.0.0.1',
  '::ffff:127.1.2.3',
  '::ffff:7f01:0203',
  '0:0:0:0:0000:ffff:127.1.2.3',
  '0:0:0:0::ffff:127.1.2.3',
  '2001:4860:0:2001::68',
  '2001:4860:0000:2001:0000:0000:0000:0068',
];

export const GO_PARSE_IP_ERRORS: readonly string[] = [
  '-0.0.0.0',
  '0.-1.0.0',
  '0.0.-2.0',
  '0.0.0.-3',
  '127.0.0.256',
  'abc',
  '123:',
  'fe80::1%lo0',
  'fe80::1%911',
  '',
  '0:0:0:0:000000:ffff:127.1.2.3',
  '0:0:0:0:00000:ffff:127.1.2.3',
  'a1:a2:a3:a4::b1:b2:b3:b4',
  '127.001.002.003',
  '::ffff:127.001.002.003',
  '123.000.000.000',
  '1.2..4',
  '0123.0.0.1',
];

/**
 * golang/go src/net/ip_test.go, parseCIDRTests (read by TestParseCIDR). That is net.ParseCIDR; Istio uses
 * netip.ParsePrefix, which gives the same verdict on every one of these (both read the address with
 * netip.ParseAddr; ParsePrefix is stricter only about the bits, see GO_PARSE_PREFIX_ERRORS).
 */
export const GO_PARSE_CIDR_OK: readonly string[] = [
  '135.104.0.0/32',
  '0.0.0.0/24',
  '135.104.0.0/24',
  '135.104.0.1/32',
  '135.104.0.1/24',
  '::1/128',
  'abcd:2345::/127',
  'abcd:2345::/65',
  'abcd:2345::/64',
  'abcd:2345::/63',
  'abcd:2345::/33',
  'abcd:2345::/32',
  'abcd:2344::/31',
  'abcd:2300::/24',
  'abcd:2345::/24',
  '2001:DB8::/48',
  '2001:DB8::1/48',
];

export const GO_PARSE_CIDR_ERRORS: readonly string[] = [
  '192.168.1.1/255.255.255.0',
  '192.168.1.1/35',
  '2001:db8::1/-1',
  '2001:db8::1/-0',
  '-0.0.0.0/32',
  '0.-1.0.0/32',
  '0.0.-2.0/32',
  '0.0.0.-3/32',
  '0.0.0.0/-0',
  '127.000.000.001/32',
  '',
];

/**
 * golang/go src/net/netip/netip_test.go (commit 740043f516f716fe359ffd3bd76f1a30a9aa5eec), TestParseAddr:
 * the validIPs entries without wantErr. The zoned ones pass netip.ParseAddr (Istio) but not net.ParseIP
 * (cert-manager).
 */
export const GO_PARSE_ADDR_OK: readonly string[] = [
  '0.0.0.0',
  '192.168.140.255',
  '::',
  '::1',
  'fd7a:115c:a1e0:ab12:4843:cd96:626b:430b',
  'fd7a:115c::626b:430b',
  'fd7a:115c:a1e0:ab12:4843:cd96::',
  'fd7a:115c:a1e0:ab12:4843:cd96:626b::',
  'fd7a:115c:a1e0::4843:cd96:626b:430b',
  '::ffff:192.168.140.255',
  'FD9E:1A04:F01D::1',
];

export const GO_PARSE_ADDR_ZONED_OK: readonly string[] = [
  'fd7a:115c:a1e0:ab12:4843:cd96:626b:430b%eth0',
  '1:2::ffff:192.168.140.255%eth1',
  '::ffff:192.168.140.255%eth1',
];

/** TestParseAddr: the validIPs entries with wantErr, then the invalidIPs list (also checked against net.ParseIP there). */
export const GO_PARSE_ADDR_ERRORS: readonly string[] = [
  '010.000.015.001',
  '000001.00000002.00000003.000000004',
  '::ffff:1.2.03.4',
  '::ffff:1.2.3.z',
  '',
  'bad',
  '1234',
  '1.2.3.4%eth0',
  '.1.2.3',
  '1.2.3.',
  '1..2.3',
  '1.2.3.4.5',
  '0300.0250.0214.0377',
  '0xc0.0xa8.0x8c.0xff',
  '192.168.12345',
  '127.0.1',
  '192.1234567',
  '127.1',
  '192.168.300.1',
  '192.168.0.1.5.6',
  '1:2:3:4:5:6:7',
  '1:2:3:4:5:6:7:8:9',
  '1:2:3:4::5:6:7:8',
  'fe801::1',
  'fe80:tail:scal:e::',
  'fe80::1%',
  'ffff:ffff:ffff:ffff:ffff:ffff:ffff:192.168.140.255',
  'ffff::ffff:ffff:ffff:ffff:ffff:ffff:192.168.140.255',
  '::ffff:192.168.140.bad',
  'fe80::1::1',
  'fe80:1?:1',
  'fe80:',
  '0:0:0:0:0:ffff:0:00000',
  '0:0:0:0:00000:ffff:127.1.2.3',
];

/**
 * Same file: prefixes TestPrefix, TestPrefixMasked and TestPrefixMarshalTextString parse with
 * MustParsePrefix / ParsePrefix (host bits may be set: ParsePrefix does not mask).
 */
export const GO_PARSE_PREFIX_OK: readonly string[] = [
  '192.168.0.0/24',
  '192.168.1.1/32',
  '100.64.0.0/10',
  '2001:db8::/96',
  '0.0.0.0/0',
  '::/0',
  '2000::/3',
  '192.168.0.255/24',
  '2100::/3',
  '1.2.3.4/24',
  'fd7a:115c:a1e0:ab12:4843:cd96:626b:430b/118',
  '::ffff:c000:0280/96',
  '::ffff:192.168.140.255/8',
];

/** Same file, TestParsePrefixError: zones, signs and leading zeros in the bits are errors (go.dev/issue/51899). */
export const GO_PARSE_PREFIX_ERRORS: readonly string[] = [
  '192.168.0.0',
  '1.257.1.1/24',
  '1.1.1.0/q',
  '1.1.1.0/-1',
  '1.1.1.0/33',
  '2001::/129',
  '1.1.1.0%a/24',
  '2001:db8::%a/32',
  '1.1.1.0/+32',
  '1.1.1.0/-32',
  '1.1.1.0/032',
  '1.1.1.0/0032',
];
