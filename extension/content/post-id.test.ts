import { describe, expect, it } from 'vitest';
import { postIdFromUrl } from './post-id.ts';

describe('postIdFromUrl', () => {
  it.each([
    ['https://www.facebook.com/inboxshop/posts/123456789', '123456789'],
    ['https://www.facebook.com/inboxshop/posts/123456789/?comment_id=555', '123456789'],
    ['https://www.facebook.com/inboxshop/posts/spring-sale/123456789', '123456789'],
    ['https://www.facebook.com/permalink.php?story_fbid=987654321&id=1122', '987654321'],
    ['https://www.facebook.com/story.php?story_fbid=987654321&id=1122&ref=x', '987654321'],
    ['https://www.facebook.com/photo/?fbid=444555666&set=a.1', '444555666'],
    ['https://www.facebook.com/photo.php?fbid=444555666', '444555666'],
    ['https://www.facebook.com/inboxshop/photos/a.111/222333/', '222333'],
    ['https://www.facebook.com/inboxshop/videos/777888999/', '777888999'],
    ['https://www.facebook.com/inboxshop/videos/a-nice-clip/777888999', '777888999'],
    ['https://www.facebook.com/watch/?v=777888999', '777888999'],
    ['https://web.facebook.com/inboxshop/posts/123456789', '123456789'],
    // A Graph post id (<pageId>_<postId>) names the post by its own part, as comment ids do.
    ['https://www.facebook.com/1122/posts/1122_123456789', '123456789'],
  ])('%s → %s', (url, id) => {
    expect(postIdFromUrl(url)).toBe(id);
  });

  it.each([
    ['the feed', 'https://www.facebook.com/'],
    ['a Page', 'https://www.facebook.com/inboxshop'],
    ["a Page's posts tab", 'https://www.facebook.com/inboxshop/posts'],
    ['an encoded post id', 'https://www.facebook.com/inboxshop/posts/pfbid02abcDEF'],
    ['a permalink without its id', 'https://www.facebook.com/permalink.php?id=1122'],
    ['another site', 'https://evil.example/inboxshop/posts/123'],
    ['a lookalike host', 'https://www.notfacebook.com/inboxshop/posts/123'],
    ['something that is not a URL', 'posts/123'],
  ])('%s gives null', (_what, url) => {
    expect(postIdFromUrl(url)).toBeNull();
  });
});
