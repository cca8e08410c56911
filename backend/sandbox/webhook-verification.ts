/**
 * Meta's verification request (FACEBOOK-PLATFORM.md §1.1): `GET <callback>?hub.mode=subscribe&
 * hub.challenge=<int>&hub.verify_token=<token>`; the callback passes when it answers 200 with the
 * challenge as the body.
 */
export async function verifyWebhook(
  callbackUrl: string,
  verifyToken: string,
  random: () => number,
): Promise<{ ok: boolean; status: number; challenge: string; body: string }> {
  const challenge = String(1_000_000_000 + Math.floor(random() * 1_000_000_000));
  const url = new URL(callbackUrl);
  url.searchParams.set('hub.mode', 'subscribe');
  url.searchParams.set('hub.challenge', challenge);
  url.searchParams.set('hub.verify_token', verifyToken);
  try {
    const res = await fetch(url, {
      headers: { 'user-agent': 'facebookplatform/1.0 (+http://developers.facebook.com)' },
      signal: AbortSignal.timeout(20_000),
    });
    const body = (await res.text()).slice(0, 1000);
    return { ok: res.status === 200 && body.trim() === challenge, status: res.status, challenge, body };
  } catch (err) {
    return { ok: false, status: 0, challenge, body: err instanceof Error ? err.message : String(err) };
  }
}
