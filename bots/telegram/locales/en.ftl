# Texts of the Telegram adapter (the studio's dialog texts come from the core).
replied-privately = 📬 { $name }, I answered you in a private chat, to keep your bookings and files private.
open-private-chat = { $name }, I keep bookings, links and files private, so I answer in a private chat — but you have not opened one with me yet. Open t.me/{ $bot }, press Start, then ask again.
file-too-big-for-chat = { $file } is { $size } MB; Telegram lets bots fetch files up to 20 MB. Use your private upload link instead:
voice-not-accepted = Voice messages are compressed too much for mixing or mastering. Please send your file as a document (📎 → File), uncompressed.
photo-not-accepted = That is a picture. Please send audio as a file (📎 → File): WAV, AIFF, FLAC or MP3.
file-download-failed = I could not fetch { $file } from Telegram just now. Nothing was stored; please send it again in a moment.
file-as-link = { $file } ({ $size } MB) is larger than Telegram lets me send; download it here: { $url }
sending-failed = Sorry, something went wrong on our side. Nothing you sent was lost; please try again in a moment.
