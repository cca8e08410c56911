/**
 * The emoji picker's small built-in set, grouped; each group's name is the catalog key
 * `emojiGroup_<id>`. Screen readers name each emoji themselves.
 */
export const EMOJI_GROUPS = [
  {
    id: 'smileys',
    emojis: ['😀', '😊', '🙂', '😉', '😍', '🥰', '😂', '🤣', '😅', '😎', '🤔', '😮', '😢', '😭', '😡', '🙏'],
  },
  { id: 'gestures', emojis: ['👍', '👎', '👌', '👋', '👏', '🙌', '💪', '🤝', '✌️', '🤞', '👉', '👀'] },
  { id: 'hearts', emojis: ['❤️', '🧡', '💛', '💚', '💙', '💜', '🖤', '💔', '💕', '✨', '⭐', '🔥'] },
  { id: 'objects', emojis: ['🎉', '🎁', '📦', '🚚', '🛒', '💳', '📅', '⏰', '📞', '✉️', '📍', '🏠'] },
  { id: 'symbols', emojis: ['✅', '❌', '⚠️', '❓', '❗', '💯', '🆗', '➡️', '⬅️', '🔝', '🆕', '💬'] },
] as const;
