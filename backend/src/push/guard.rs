//! Where pushes may go (no server-side request forgery): a push service's address is `https://` with a
//! host name that neither is nor resolves to an address of this machine or of a private, link-local,
//! shared (CGNAT), unspecified or multicast network. Checked when a device is subscribed and again at
//! every send by the push client's own resolver (tokio's), so a name that comes to resolve elsewhere
//! later is refused when it is used; `LAPAK_PUSH_LOOPBACK` lets this machine's loopback through, for
//! tests that serve their own push service.

use std::{
    net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr},
    sync::Arc,
    time::Duration,
};

use reqwest::{
    Url,
    dns::{Addrs, Name, Resolve, Resolving},
};
use shared::push::Endpoints;

/// Why an address inside a private network (or this machine) is refused, for a person.
pub const PRIVATE: &str = "Alamat layanan push mengarah ke jaringan pribadi atau ke server ini; hanya layanan push di internet yang diterima.";
/// Why an address that cannot be read is refused.
const UNREADABLE: &str = "Alamat layanan push tidak sah.";
/// Longest wait for a subscription's name to resolve (past it, the name counts as not resolving now).
const LOOKUP_WAIT: Duration = Duration::from_secs(5);

/// A push service address the guard refuses, with the reason for a person.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Refused(pub &'static str);

/// Which push services pushes may go to, and the names resolved without DNS.
#[derive(Clone, Debug)]
pub struct Guard {
    endpoints: Endpoints,
    hosts: Arc<[(String, IpAddr)]>,
}

impl Guard {
    /// `hosts`: names answered as a hosts file would, before DNS (see `Config::push_hosts`).
    pub fn new(endpoints: Endpoints, hosts: &[(String, IpAddr)]) -> Guard {
        let hosts = hosts.iter().map(|(name, ip)| (name.trim_end_matches('.').to_ascii_lowercase(), *ip)).collect();
        Guard { endpoints, hosts }
    }

    pub fn endpoints(&self) -> Endpoints {
        self.endpoints
    }

    /// Whether pushes may go to `ip`.
    pub fn allows(&self, ip: IpAddr) -> bool {
        !forbidden(ip) || (self.endpoints == Endpoints::LoopbackToo && loopback(ip))
    }

    /// What can be checked without DNS: the address's form (`shared::push::check_endpoint`) and a host
    /// written as an IP address (which no resolver is asked about); answers the parsed address.
    pub fn check_written(&self, endpoint: &str) -> Result<Url, Refused> {
        shared::push::check_endpoint(endpoint, self.endpoints).map_err(Refused)?;
        let url = Url::parse(endpoint).map_err(|_| Refused(UNREADABLE))?;
        let host = url.host_str().ok_or(Refused(UNREADABLE))?;
        // The parser writes every form of an IPv4 address (`0x7f.1`) as four decimals, IPv6 in brackets.
        if let Ok(ip) = host.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>()
            && !self.allows(ip)
        {
            return Err(Refused(PRIVATE));
        }
        Ok(url)
    }

    /// Checks a subscription's address, resolving its host name: refused when any address it resolves
    /// to is. A name that does not resolve now (or not within [`LOOKUP_WAIT`]) is taken: nothing is sent
    /// to it unless it resolves, and then only after the same check.
    pub async fn check(&self, endpoint: &str) -> Result<(), Refused> {
        let url = self.check_written(endpoint)?;
        if let Some(name) = url.domain()
            && let Ok(Ok(ips)) = tokio::time::timeout(LOOKUP_WAIT, self.lookup(name)).await
        {
            self.all_allowed(&ips)?;
        }
        Ok(())
    }

    /// The addresses of `name`: from the guard's own names, else from tokio's resolver.
    async fn lookup(&self, name: &str) -> std::io::Result<Vec<IpAddr>> {
        let name = name.trim_end_matches('.').to_ascii_lowercase();
        let listed: Vec<IpAddr> = self.hosts.iter().filter(|(n, _)| *n == name).map(|(_, ip)| *ip).collect();
        if !listed.is_empty() {
            return Ok(listed);
        }
        Ok(tokio::net::lookup_host((name.as_str(), 0)).await?.map(|a| a.ip()).collect())
    }

    fn all_allowed(&self, ips: &[IpAddr]) -> Result<(), Refused> {
        if ips.iter().all(|ip| self.allows(*ip)) { Ok(()) } else { Err(Refused(PRIVATE)) }
    }
}

/// The push client's resolver: a name resolving to any refused address is not connected to at all.
impl Resolve for Guard {
    fn resolve(&self, name: Name) -> Resolving {
        let guard = self.clone();
        Box::pin(async move {
            let ips = guard.lookup(name.as_str()).await?;
            guard.all_allowed(&ips)?;
            let addrs: Addrs = Box::new(ips.into_iter().map(|ip| SocketAddr::new(ip, 0)));
            Ok(addrs)
        })
    }
}

/// Whether `error` (or what caused it) is the guard's refusal.
pub fn refusal(error: &(dyn std::error::Error + 'static)) -> Option<&'static str> {
    let mut cause = Some(error);
    while let Some(e) = cause {
        if let Some(Refused(why)) = e.downcast_ref::<Refused>() {
            return Some(why);
        }
        cause = e.source();
    }
    None
}

/// Addresses no push goes to: this machine, private and link-local networks, shared address space
/// (CGNAT, RFC 6598), unspecified, broadcast and multicast; IPv4 inside IPv6 (mapped, NAT64) as IPv4.
fn forbidden(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => forbidden_v4(v4),
        IpAddr::V6(v6) => match embedded_v4(v6) {
            Some(v4) => forbidden_v4(v4),
            None => forbidden_v6(v6),
        },
    }
}

fn forbidden_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    a == 0
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_multicast()
        || ip.is_broadcast()
        || (a == 100 && (64..128).contains(&b))
}

fn forbidden_v6(ip: Ipv6Addr) -> bool {
    let first = ip.segments()[0];
    ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || first & 0xfe00 == 0xfc00 // unique local, fc00::/7
        || first & 0xffc0 == 0xfe80 // link-local, fe80::/10
}

/// The IPv4 address an IPv6 one carries: `::ffff:a.b.c.d` (mapped) or `64:ff9b::a.b.c.d` (NAT64).
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let s = ip.segments();
    let nat64 = s[..6] == [0x64, 0xff9b, 0, 0, 0, 0];
    let [.., a, b, c, d] = ip.octets();
    if nat64 { Some(Ipv4Addr::new(a, b, c, d)) } else { ip.to_ipv4_mapped() }
}

fn loopback(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_loopback(),
        IpAddr::V6(v6) => v6.is_loopback() || v6.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn refuses_private_and_special_networks() {
        for refused in [
            "127.0.0.1",
            "127.8.9.10",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "100.127.255.254",
            "0.0.0.0",
            "0.1.2.3",
            "224.0.0.1",
            "255.255.255.255",
            "::",
            "::1",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "ff02::1",
            "::ffff:10.0.0.1",
            "::ffff:127.0.0.1",
            "64:ff9b::a9fe:a9fe",
        ] {
            assert!(forbidden(ip(refused)), "{refused}");
        }
        for taken in ["93.184.215.14", "172.32.0.1", "100.128.0.1", "100.63.255.255", "2001:db8::1", "::ffff:8.8.8.8"] {
            assert!(!forbidden(ip(taken)), "{taken}");
        }
    }

    #[test]
    fn loopback_is_taken_only_when_allowed() {
        let public = Guard::new(Endpoints::Public, &[]);
        let tests = Guard::new(Endpoints::LoopbackToo, &[]);
        for address in ["127.0.0.1", "::1", "::ffff:127.0.0.1"] {
            assert!(!public.allows(ip(address)) && tests.allows(ip(address)), "{address}");
        }
        assert!(!tests.allows(ip("10.0.0.1")) && !tests.allows(ip("fe80::1")), "loopback only");
    }

    #[test]
    fn addresses_written_as_ip_are_checked_without_dns() {
        let guard = Guard::new(Endpoints::Public, &[]);
        assert!(guard.check_written("https://0x7f.1/push").is_err(), "127.0.0.1 written in hex");
        assert!(guard.check_written("https://push.example.net/wpush/abc").is_ok());
        let tests = Guard::new(Endpoints::LoopbackToo, &[]);
        assert!(tests.check_written("http://127.0.0.1:9/push").is_ok());
        assert!(tests.check_written("http://[::1]:9/push").is_ok());
    }

    #[tokio::test]
    async fn names_are_refused_by_what_they_resolve_to() {
        let hosts = [("Pribadi.Example.".to_owned(), ip("10.0.0.5")), ("umum.example".to_owned(), ip("93.184.215.14"))];
        let guard = Guard::new(Endpoints::Public, &hosts);
        assert_eq!(guard.check("https://pribadi.example/x").await.unwrap_err().0, PRIVATE);
        assert!(guard.check("https://umum.example/x").await.is_ok());
        assert!(guard.check("https://tak-ada.invalid/x").await.is_ok(), "checked again when it resolves");
        let refused = guard.resolve("pribadi.example".parse().unwrap()).await.err().unwrap();
        assert_eq!(refusal(refused.as_ref()), Some(PRIVATE));
        let addrs: Vec<SocketAddr> = guard.resolve("umum.example".parse().unwrap()).await.unwrap().collect();
        assert_eq!(addrs, [SocketAddr::new(ip("93.184.215.14"), 0)]);
    }
}
