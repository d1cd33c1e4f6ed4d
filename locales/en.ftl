# Every text mixdesk says in chat, on every platform (console, Telegram, Discord).
# Keys and variables are typed from this file: run `npm run texts` after changing it.
# Another language is another file beside this one (e.g. de.ftl); missing texts fall back to English.
# Numbers choose plural forms ({ $count -> [one] … *[other] … }); pre-formatted values are strings.

## The dialog: commands, buttons, help

welcome-new = Welcome to { $studio }, { $name }!
welcome-back = Welcome back, { $name }!
welcome-what-we-do = We mix (send stems, get the vocal mix, instrumental and a cappella back) and master (send a stereo mix, get release-ready masters back).
welcome-time-zone = Your time zone is set to { $zone } (/timezone to change it).
help-title = What I can do:
help-book = book mixing or mastering: service, session kind, day and time
help-mybookings = your bookings
help-status = where your bookings stand and what happens next
help-reschedule = move a session to another time
help-cancel = cancel a booking (while answering a question: stop it)
help-upload = send your mix or stems for a booking
help-uploadlink = a private web link for large files (resumable)
help-revise = ask for changes to a delivery, e.g. /revise louder
help-stems = your stems and their roles (vocal or instrument, and which); change one
help-timezone = show or set your time zone, e.g. /timezone America/New_York
help-format = delivery format: { $formats }
help-language = the language I write to you in: /language es, /language en, or /language auto (your app's)
help-help = this list
usage-release = [REF] ARTIST - TITLE [ISRC] [YEAR]
usage-revise = [REF] [CHANGES]
usage-stems = [N ROLE]
usage-timezone = [ZONE]
usage-format = [FORMAT]
unknown-command = I don't know /{ $command }. /help lists what I can do.
unknown-command-meant = I don't know /{ $command }. Did you mean /{ $meant }? /help lists what I can do.
not-understood = I didn't catch that. /book books a session, /mybookings shows yours, /help lists everything I can do.
choose-number = There {$count ->
    [one] is 1 choice here: type 1
   *[other] are { $count } choices here: type a number from 1 to { $count }
}, or /cancel to stop.
already-answered = That was already answered (perhaps a double press); nothing was done twice.
flow-set-aside = (I set your unfinished /{ $flow } aside.)
dialog-gone = That conversation is no longer available. /help shows what I can do.
dialog-stopped = Stopped /{ $flow }; nothing was changed.
nothing-to-stop = There is nothing to stop.
button-stale = That button belongs to an earlier message or was already used, so I ignored it.
button-stale-where-we-are =
    Here is where we are:
    { $prompt }
database-busy = The studio's desk is very busy right now, so I could not save that. Nothing was changed; please try again in a moment.
unexpected-error = Sorry, something went wrong on our side (error id { $id }). Nothing you sent was lost; please try again in a moment.

## Settings

format-ask = Which format should your finished files come in?
format-set = Done: your files will come as { $format }.
format-words = { $container } { $bits }-bit{ $float ->
    [yes] {" "}float
   *[no] {""}
}
timezone-show = Your time zone is { $zone }. To change it: /timezone Europe/Berlin (any IANA zone name).
timezone-set = Done: times are now shown in { $zone } (it is { $time } there).
# A language's name in that language itself: "English" here, "Español" in es.ftl.
language-name = English
# The language named inside a sentence (Spanish writes it in lower case there).
language-name-in-text = English
language-show = I write to you in { $language }. To change it: { $choices }.
language-set = Done: I write to you in { $language } from now on.
language-auto = Done: I follow your app's language again ({ $language } for now).
unknown-language = I don't speak "{ $typed }" yet. Choose one of: { $languages }.

## Bookings and status

mybookings-none = You have no bookings yet. /book makes one.
mybookings-title = Your bookings:
mybookings-earlier = Earlier:
mybookings-past = { $ref } — { $service }, { $status }
status-nothing = You have nothing in progress. /book makes a booking; /mybookings shows earlier ones.
status-next-requested = Waiting for the engineer to confirm.
status-next-in-progress = The engineer is working on your { $result ->
    [mix] mix
   *[master] master
}.
status-next-revision-requested = Your revision notes are with the engineer.
status-next-delivered = Delivered. Listen, and ask for a revision if something needs changing.
status-revisions = Revisions: { $used } asked for, { $free } free left (then { $price } each).
status-latest-delivery = Latest delivery: version { $version }

## Uploads in chat

upload-how-console = Type /upload followed by the path of the file on this computer, e.g. /upload ~/Music/mix.wav (add the booking reference when you have several), or /uploadlink for a private web page.
upload-how-chat = Send the file here as a document (not as a voice message), and I will store it with your booking. For large files, /uploadlink gives you a private web page.
upload-what-to-send = WAV, AIFF, FLAC or MP3; a stereo mix for mastering, stems (one file per instrument or vocal, all from bar 1) for mixing.
upload-send-the-file = Please send the file itself here as a document; a path only means something on the studio computer.
upload-link =
    Your private upload link for { $ref }, valid until { $until }:
    { $url }
    Open it in a browser and choose your files; big files continue where they stopped if the connection drops. It is yours alone: please do not share it.
upload-link-button = Upload files

## Stems

stem-role-set = { $file } is now { $role }.
stems-none = { $ref } has no stems yet. Send them here (one file per instrument or vocal, all from bar 1), or a zip of them.
stems-title = Stems of { $ref }:
stems-how = Vocals (lead and backing) make the a cappella; everything else the instrumental. To change one: /stems NUMBER ROLE, e.g. /stems 2 backing-vocal. Roles: { $roles }.

## Booking descriptions (shared by /mybookings, /status, confirmations)

booking-title = { $ref } — { $service }, { $kind } session
booking-title-unattended = { $ref } — { $service }, unattended (no fixed time)
booking-when = When: { $when }
booking-due = Due by: { $date }
booking-due-queue = Due by: { $date } (number { $position } in the unattended queue)
booking-price = Price: { $price } · { $revisions } free revisions
booking-status = Status: { $status }
when-studio-time = { $when } — { $studioTime } at the studio

## /book

book-no-such-service = That service is no longer offered. Please start again with /book.
book-ask-service = What can we do for you?
book-service-line = • { $service } — from { $price }: { $description }
book-service-button = { $service } — { $price }
book-ask-kind = { $service }. How would you like the session?
book-kind-line = • { $kind } — { $price }: { $blurb }
book-kind-button = { $kind } — { $price }
book-kind-again = Please choose the session kind again with /book.
book-check = Please check your booking:
book-check-service = • { $service }, { $kind } session
book-check-unattended = • No fixed time: we work on it in studio downtime, delivered by { $date }
book-check-time = • { $when }, { $hours } h
book-check-price = • Price: { $price }, including { $revisions } free revisions (then { $revisionPrice } each)
book-confirm-button = ✅ Confirm booking
book-stop-button = ✖ Stop
book-unknown-service = "{ $wanted }" is not one of our services. Choose: { $codes } — or just /book.
book-choose-service = Please choose one of the services.
book-choose-kind = Please choose standard, virtual or unattended.
book-confirm-or-stop = Please confirm or stop.
book-stopped = Stopped. Nothing was booked. /book starts again.
book-booked = Booked! Your reference is { $ref }.
next-title = What happens next:
next-files-master = send your stereo mix (WAV, AIFF or FLAC; 24-bit if you have it; no limiter on the master bus)
next-files-mix = send your stems (one file per instrument and vocal, all from bar 1, same sample rate)
next-engineer-confirms = • The engineer confirms your booking; you hear from me as soon as they do.
next-unattended = • { $files }; we start in the next free studio time.
next-unattended-master = • { $files }; the master starts as soon as it arrives{ $confirmed ->
    [yes] {""}
   *[no] {" "}(once the booking is confirmed)
}.
next-files-in = • Your files are in (they moved with the booking): nothing to send again before { $when }.
next-before = • Before { $when }, { $files }.
next-virtual = • 24 hours and 1 hour before the session you get a SonoBus keycode and join link to listen in.
next-standard = • Come to the studio a few minutes before the start.
next-change = • /mybookings shows your bookings; /reschedule or /cancel change this one.

## Choosing a day and a time

calendar-full = There are no free times in the studio calendar right now. Please try again later, or choose an unattended session.
calendar-earlier = ‹ Earlier dates
calendar-later = Later dates ›
calendar-ask-day =
    Which day? (times in { $zone }; /timezone to change it)
    You can also type a date like { $example }.
calendar-unreadable = "{ $typed }" is not a date I can read. Pick one of the days offered, or type one like 2026-12-24.
calendar-past = { $day } { $year } is in the past. Please pick a day from today on.
calendar-too-far = We take bookings up to { $days } days ahead (until { $last }). Please pick an earlier day.
calendar-day-full = There are no free times on { $day }. Please pick another day.
calendar-ask-time = Free start times on { $day } ({ $zone }):
calendar-other-days = ‹ Other days
calendar-pick-time-typed = Please pick one of the times shown (or type it as it appears, e.g. 10:00).
calendar-pick-time = Please pick one of the times shown.

## /cancel and /reschedule

change-unattended = unattended
change-none-to-cancel = You have no bookings that can still be cancelled. /mybookings lists them all.
change-none-to-move = You have no scheduled sessions that can still be moved. /mybookings lists your bookings.
change-which-to-cancel = Which booking do you want to cancel?
change-which-to-move = Which booking do you want to reschedule?
cancel-ask =
    Cancel this booking?

    { $booking }
cancel-yes = Yes, cancel it
cancel-no = No, keep it
answer-yes-or-no = Please answer yes or no.
cancel-kept = Kept { $ref }; nothing changed.
cancel-done-slot = Cancelled { $ref }. Its time is free again for others.
cancel-done-queue = Cancelled { $ref }. It has left the unattended queue.
move-intro = Moving { $ref } ({ $service }, now { $when }).
move-unattended = { $ref } is unattended work with no fixed time, so there is nothing to move.
move-too-late = { $ref } is { $status }, so it can no longer be moved.
move-no-time = { $ref } has no fixed time to move.
move-ask = Move { $ref } to { $when }?
move-yes = ✅ Move it
move-no = ✖ Keep the old time
move-kept = Kept { $ref } at its old time.
move-done = Moved. { $ref } is replaced by { $newRef }:

## /revise

revise-match-reference = Match my reference
revise-free-left = You have { $count } free { $count ->
        [one] revision
       *[other] revisions
    } left.
revise-paid-next = Your free revisions are used; another costs { $price }.
revise-how-master = Pick a quick change, or write what you would like different (e.g. "louder and a bit warmer", "target -12 LUFS").
revise-how-mix = Write your notes for the engineer (what to change, with times in the song where it helps).
revise-ask = Revision of { $ref } ({ $service }). { $allowance }
revise-say-what = Tell me what to change, e.g. "louder" or "warmer".
revise-cost-paid = { $price }, charged only when the new version is delivered
revise-cost-free = free; { $count ->
    [0] no free revisions
    [one] 1 free revision
   *[other] { $count } free revisions
} left after it
revise-noted = Revision { $number } of { $ref } noted ({ $cost }). Your notes need the engineer, who has them now and will send the new version here.
revise-started = Revision { $number } of { $ref } started ({ $cost }): { $what }. Making version { $version } now; it arrives here when ready (/status shows how far it is).
revise-ask-paid = { $reason } Shall I go ahead? It is charged only when a new version is delivered for it.
revise-paid-yes = Yes, revise for { $price }
revise-paid-no = No
revise-nothing = Nothing of yours is delivered and waiting for feedback right now. /status shows where your bookings stand.
revise-which = Which booking should be revised?
revise-pick-or-write = Please pick a change or write your notes.
revise-declined = No revision was made; nothing was charged.

## Services, session kinds and booking states

service-mix = Mixing
service-mix-description = Upload your stems; get back the vocal mix, the instrumental and the a cappella.
service-master = Mastering
service-master-description = Upload your stereo mix; get back release-ready masters.
service-mix-master = Mixing + mastering
service-mix-master-description = Stems in, mastered vocal mix, instrumental and a cappella out.

kind-standard = Standard
kind-standard-blurb = attend the session in person at the studio
kind-virtual = Virtual
kind-virtual-blurb = listen in remotely over SonoBus; you get a keycode before the session
kind-unattended = Unattended
kind-unattended-blurb = the budget option: we work on it in studio downtime, no fixed time, delivered by a due date
status-requested = requested (waiting for the engineer to confirm)
status-awaiting-payment = waiting for its deposit (the time is held until it is paid)
status-confirmed = confirmed
status-awaiting-files = confirmed, waiting for your files
status-files-in = confirmed, your { $files ->
    [stems] stems are
   *[mix] mix is
} in
status-files-in-engineer = confirmed, files in
status-awaiting-files-engineer = confirmed, waiting for the artist's files
status-in-progress = in progress
status-delivered = delivered
status-revision-requested = revision requested
status-completed = completed
status-cancelled = cancelled
status-rescheduled = moved to a new time
status-requested-files-in = requested (waiting for the engineer to confirm); your files are in
status-waiting-for-files = confirmed, waiting for your { $files ->
    [stems] stems
   *[mix] mix
}
status-in-review = made, being checked by the engineer
status-awaiting-payment-engineer = waiting for the artist's deposit
status-requested-engineer = requested, waiting for your confirmation
status-requested-files-in-engineer = requested, files in, waiting for your confirmation
status-files-in-running-engineer = confirmed, files in; the engine is making a version
status-files-in-starting-point-engineer = confirmed, files in; the starting point is ready for the session
status-running-engineer = { $status }; the engine is making a version
status-review-engineer = a version waits for your review
status-next-requested-files-in = Your files are in; work starts once the engineer confirms.
status-next-send-before-session = Next: send your { $files ->
    [stems] stems
   *[mix] mix
} before the session.
status-next-send-master-now = Next: send your mix; mastering starts as soon as it arrives.
status-next-send-downtime = Next: send your stems; the engineer mixes them in studio downtime and delivers by the due date.
status-next-master-starts = Your mix is in; mastering starts now and the master is sent here.
status-next-downtime = Your stems are in; the engineer mixes them in studio downtime and delivers by the due date.
status-next-engineer-works = Your { $files ->
    [stems] stems are in; the engineer works on them
   *[mix] mix is in; the engineer works on it
} and sends the { $result ->
    [mix] mix
   *[master] master
} here.
status-next-running = A new version of your { $result ->
    [mix] mix
   *[master] master
} is being made; it comes here when ready.
cannot-confirm = Booking { $ref } is { $status }, so it cannot be confirmed now.
cannot-cancel = Booking { $ref } is { $status }, so it cannot be cancelled now.
cannot-reschedule = Booking { $ref } is { $status }, so it cannot be rescheduled now.
cannot-deliver = Booking { $ref } is { $status }, so it cannot be delivered now.
cannot-revise = Booking { $ref } is { $status }, so it cannot be revised now.
cannot-start = Booking { $ref } is { $status }, so it cannot be started now.
cannot-complete = Booking { $ref } is { $status }, so it cannot be completed now.
cannot-open-for-files = Booking { $ref } is { $status }, so it cannot be opened for files now.
cannot-change = Booking { $ref } is { $status }, so it cannot be { $to } now.

## Booking rules

slot-taken = Sorry, that time was just taken by someone else. Please pick another slot.
no-such-service = "{ $code }" is not one of our services ({ $codes }).
choose-a-time = Please choose a time for the session.
time-in-past = That time is in the past. Please pick a slot from the list.
time-not-open = That time is not open for booking (outside studio hours, too soon, or too far ahead). Please pick a slot from the list.
booking-changed-meanwhile = Booking { $ref } changed while you were looking at it; please check /status.
booking-nothing-to-move = Booking { $ref } is unattended work with no fixed time, so there is nothing to move.
no-such-booking = No such booking.
not-your-booking = You have no booking { $ref }. /mybookings lists yours.
unknown-time-zone = "{ $zone }" is not a time zone I know. Use a name like Europe/London, America/New_York or Asia/Tokyo.
unknown-format = "{ $format }" is not a delivery format. Choose one of: { $formats }.

## Receiving files

booking-takes-no-files = Booking { $ref } is { $status } and takes no more files.
no-booking-for-files = You have no booking waiting for files. /book makes one; then send your files.
which-booking-for-files = You have { $count } bookings taking files ({ $refs }): name the one the file is for.
upload-is-folder = { $file }: that is a folder, not a file.
upload-not-found = { $file }: I cannot find that file.
upload-too-big = { $file } is { $size }; the largest file the studio takes is { $max }.
upload-disk-full = The studio's storage is nearly full, so { $file } cannot be taken right now. Nothing was stored; the engineer has been told. Please try again later.
skip-disk-full = the studio's storage is nearly full
alert-disk-full = The disk under { $dir } is nearly full ({ $free } free): uploads are refused until there is room. Free some space (old uploads go with mixdesk retention).
storage-full = The studio's storage is full right now, so I could not save that. Nothing was changed; the engineer has been told. Please try again later.
upload-over-quota = { $file } ({ $size }) would take { $ref } past its storage allowance of { $quota } ({ $used } already stored or on its way). Nothing was stored; ask the studio if you need more room.
upload-too-many-under-way = This link already has { $count } uploads under way. Let them finish (or wait a while) before sending more; a zip of your stems counts as one.
upload-size-unknown = Please start the upload with its size (this page and the usual upload tools do).
upload-not-audio = { $file }: { $problem }. Nothing was stored; please send WAV, AIFF, FLAC or MP3.
audio-problem-other = the file cannot be read ({ $detail })
audio-problem-empty = the file is empty
audio-problem-not-audio = it is not an audio file we can read (WAV, AIFF, FLAC or MP3)
audio-problem-no-audio = the file contains no audio
audio-problem-truncated = the file is cut short: part of its audio is missing (perhaps the export or the transfer did not finish)
audio-problem-damaged = the audio is damaged and cannot be decoded
audio-problem-compressed-aiff = compressed AIFF-C is not supported; export uncompressed AIFF or WAV
audio-problem-too-long = it is { $length } long; the studio takes files of up to { $limit }
audio-problem-too-short = it is too short to master ({ $ms } ms; at least { $seconds } s is needed)
audio-problem-silent = it is silent (or nearly): there is nothing to master
audio-problem-longer-than = it is longer than the { $limit } the studio takes
audio-problem-unsupported-rate = its sample rate ({ $hz } Hz) is outside what the studio reads (8 to 384 kHz)
audio-problem-unsupported-channels = it has { $channels } channels; the studio reads 1 to 32
audio-problem-unsupported-encoding = its encoding is not one the studio reads; export PCM WAV (16, 24 or 32-bit, or 32-bit float), AIFF or FLAC
audio-problem-no-stems-readable = none of the stems could be read, so there is nothing to mix
audio-problem-no-stems = there are no stems stored for this booking
audio-problem-no-mix = there is no mix stored for this booking
audio-problem-unopenable = the file could not be opened
upload-silent = { $file } is silent (or nearly): there is nothing to master. Nothing was stored; please check the export.
upload-too-short = { $file } is only { $ms } ms long: too short to master. Nothing was stored; please check the export.
stem-role-unknown = "{ $role }" is not a stem role; use one of { $roles }.
stem-number-range = Pick a stem number from 1 to { $count } (/stems lists them).
stems-none-yet = This booking has no stems yet.
upload-links-off = Upload links are not available right now (the studio’s web server is off). Send the file here, or ask the studio.
warn-clips = it clips in { $count } { $count ->
        [one] place
       *[other] places
    } (first at { $at } s); if you can, export it a few dB lower
warn-mp3 = it is an MP3 (lossy); a WAV, AIFF or FLAC export gives a better result
warn-low-rate = its sample rate is { $rate } Hz; 44.1 kHz or more is expected
warn-dc = it has a DC offset (the studio removes it)
warn-mono-mix = it is mono; a master is normally made from a stereo mix
warn-limited = it looks already limited; for mastering, a mix without a limiter on the master bus leaves more room
warn-out-of-phase = left and right are largely out of phase (correlation { $correlation }); one side may be polarity-inverted
warn-leading-silence = it starts with { $seconds } s of silence
warn-trailing-silence = it ends with { $seconds } s of silence
warn-mostly-silent = only { $sound } s of its { $total } s has sound, the rest is silence: is it the right file, or was the bounce cut short?
warn-stem-rate = its sample rate ({ $rate } Hz) differs from your other stems ({ $others } Hz); they will be converted
warn-stem-length = its length ({ $seconds } s) differs from your other stems ({ $longest } s); all stems should start at bar 1 — shorter ones are padded, not cut

## Archives (zip)

zip-unsafe-path = { $file } contains a file with an unsafe path ({ $detail }); nothing from it was stored.
zip-unreadable = { $file } is not a zip archive I can read ({ $detail }); nothing from it was stored.
zip-too-many = { $file } has { $count } entries; at most { $max } are accepted.
zip-too-large = { $file } would unpack to { $mb } MB, more than the { $max } MB accepted; nothing from it was stored.
zip-bomb = { $file } looks like a zip bomb ({ $entry } packs { $ratio }:1); nothing from it was stored.
zip-failed = { $file } could not be unpacked ({ $detail }); nothing from it was stored.
zip-skip-link = a link, not a file
zip-skip-not-audio = not an audio file
zip-skip-too-large = larger than { $max } MB
zip-skip-same-name = same name as another file in the archive

## The automatic master and other deliveries

master-waits-for-confirm = The automatic master of { $file } starts as soon as the studio confirms { $ref }.
master-starting = Mastering { $file } now; it should take { $estimate }. I will send the master and its report here when it is ready; /status shows how far it is.
master-newer-mix = A master of your earlier mix is being made right now. When it arrives, /revise will master this newer mix ({ $file }).
stage-queued = waiting for a free worker
stage-fetch = fetching your files
stage-mix = mixing the stems
stage-analyse = analysing
stage-eq = EQ and low end
stage-compress = compression
stage-limit = limiting to the target loudness
stage-verify = checking the result
stage-encode = encoding your files
stage-store = storing the files
progress-master = Master version { $version }: { $stage }.
progress-master-percent = Master version { $version }: { $stage } ({ $percent }%, { $left }).
progress-mixdown = Mixdown version { $version }: { $stage }.
progress-mixdown-percent = Mixdown version { $version }: { $stage } ({ $percent }%).
progress-running = ⏳ Master version { $version } of { $ref }: { $stage }…
progress-ready = ✅ Master version { $version } of { $ref } is ready.
progress-stopped = ⚠️ Master version { $version } of { $ref } stopped.
master-ready = Your master for { $ref } is ready — version { $version }.
master-numbers = { $lufs } LUFS integrated, { $dbtp } dBTP true peak (target { $target } LUFS, ceiling { $ceiling } dBTP).
master-numbers-missed = { $lufs } LUFS integrated, { $dbtp } dBTP true peak (target { $target } LUFS, ceiling { $ceiling } dBTP — not fully reached, see the notes).
master-files = { $format }; the picture shows loudness and spectrum before and after.
master-files-preview = { $format }, plus an MP3 preview to listen on the go; the picture shows loudness and spectrum before and after.
delivery-note = Note: { $note }
revise-how-master-examples = /revise (e.g. /revise louder, /revise warmer, /revise more punch)
revise-how-notes = /revise with your notes
revisions-left = { $count } free { $count ->
        [one] revision
       *[other] revisions
    } left. Want changes? { $how }.
revisions-used = Your free revisions are used; /revise still works (a further revision costs { $price }).
deliver-nothing-to-deliver = Booking { $ref } is { $status }; there is nothing to deliver to.
deliver-attach = Attach at least one file to deliver.
deliver-not-audio = { $file } cannot be delivered: { $problem }. Nothing was sent to the artist.
desk-deliver-help = Send your own finished files to the artist as the next version (what /deliver does in Discord)
desk-deliver-usage = Usage: { $usage }
desk-deliver-no-file = { $file } is not a file here; nothing was delivered.
render-master = master
render-full = full mix
render-instrumental = instrumental
render-acappella = a cappella
engineer-delivery-ready = Your { $service } for { $ref } is ready — version { $version }: { $what }.
engineer-delivery-note = From the engineer: { $note }
alert-version-resumed = Version { $version } of { $ref } was left unfinished: its job ended without finishing it ({ $reason }), and its failure could not be recorded. It is being made again (try { $attempt } of { $of }).
master-failed = Sorry — the master of { $ref } (version { $version }) could not be finished{ $reason }. Nothing is lost: your files are safe, and the engineer has been told and will get back to you.
master-failed-alert = Master v{ $version } of { $ref } failed after { $attempts } tries: { $error }
alert = 🔔 { $text }

## Mixdowns (full mix, instrumental, a cappella)

mixdown-no-stems-service = { $ref } is { $service }: there are no stems to mix down.
mixdown-no-stems-yet = { $ref } has no stems yet.
mixdown-confirm-first = { $ref } is { $status }; confirm it first.
mixdown-file-name = { $ref } - { $render } v{ $version }
mixdown-file-name-mastered = { $ref } - { $render } (master) v{ $version }
mixdown-left-out = { $stem } was left out: { $reason }.
mixdown-note-stem-resampled = { $stem } was at { $fromHz } Hz and was converted to { $toHz } Hz.
mixdown-note-stem-silent = { $stem } is silent.
mixdown-note-stem-padded = { $stem } is { $seconds } s shorter than the longest stem; it was padded with silence, not cut.
mixdown-note-no-vocals = No stem is tagged as a vocal, so there is no a cappella.
mixdown-note-no-instruments = Every stem is tagged as a vocal, so there is no instrumental.
mixdown-skip-empty = it is empty (no audio)
mixdown-skip-channels = it has { $channels } channels; stems must be mono or stereo
mixdown-ready = Your mixes for { $ref } are ready — version { $version }: { $renders }.
mixdown-ready-mastered = Your mixes (mastered) for { $ref } are ready — version { $version }: { $renders }.
mixdown-from = From { $count } { $count ->
        [one] stem
       *[other] stems
    }, { $seconds } s.
mixdown-failed = Sorry — the mixes of { $ref } (version { $version }) could not be rendered{ $reason }. Your stems are safe; the engineer has been told.
mixdown-failed-alert = Mixdown v{ $version } of { $ref } failed after { $attempts } tries: { $error }

## Revisions

adjust-louder = Louder
adjust-quieter = Quieter
adjust-brighter = Brighter
adjust-warmer = Warmer
adjust-more-punch = More punch
adjust-less-punch = Less punch
adjust-more-bass = More bass
adjust-less-bass = Less bass
adjust-target = target { $lufs } LUFS
target-out-of-range = A target of { $lufs } LUFS is outside what the studio masters to (-30 to -5 LUFS).
revisions-all-used = Your { $count } free revisions of { $ref } are used; another one costs { $price }.
revise-not-delivered = Booking { $ref } is { $status }; a revision can be asked for once it is delivered.
revise-no-reference = There is no reference track for this booking yet. Send one first (a file with "reference" in its name), then ask again.
revision-alert = Revision { $number } ({ $cost }) of { $ref } ({ $service }){ $notes } — { $next }
revision-alert-paid = paid, { $price }
revision-alert-free = free
revision-alert-notes = : "{ $notes }"
revision-alert-automatic = automatic re-master started.
revision-alert-waiting = waiting for you.

## Session reminders and keycodes

in-minutes = in { $count } { $count ->
        [one] minute
       *[other] minutes
    }
in-hours = in { $count } hours
in-days = in { $count } days
reminder-head = Reminder: your { $service } session { $ref } is { $until }, on { $when }.
reminder-in-person = See you at the studio. Bring your files if you have not sent them yet (/upload).
reminder-sonobus = You will listen in remotely with SonoBus (free: https://sonobus.net). Your private session keycode:
keycode-group = Group: { $group }
keycode-password = Password: { $password }
reminder-sonobus-how = Open the join link on the computer you will listen on, or enter the group and password in SonoBus (Connect → Group). Use headphones; the studio starts the stream at the session time.
keycode-private = The keycode is yours alone for this session: please do not share it.
sonobus-join-button = Join the session in SonoBus

## The engineer's desk (Discord slash commands)

desk-not-a-time = "{ $typed }" is not a time; use HH:MM, e.g. 10:00.
desk-stem-role-set = { $ref }: { $file } is now { $role }.
desk-stems-title = Stems of { $ref } ({ $client }):
desk-mixing-down = Mixing down { $ref } as version { $version } ({ $balance } balance); it goes to the artist when ready.
desk-mixing-down-mastered = Mixing down { $ref } as version { $version } ({ $balance } balance, then mastered); it goes to the artist when ready.
desk-no-such-booking = There is no booking { $ref }.
desk-sessions = Sessions, next { $days } days:
desk-no-sessions = No sessions in the next { $days } days.
desk-unattended = Unattended work:
desk-no-unattended = No unattended work waiting.
desk-due = due { $date }
desk-confirmed-artist = Good news: the studio confirmed { $ref } ({ $service }). { $files ->
    [in] Your files are already here: nothing more to send.
   *[none] Send your files when ready (/upload).
}
desk-confirmed-artist-time = Good news: the studio confirmed { $ref } ({ $service }, { $when }). { $files ->
    [in] Your files are already here: nothing more to send.
   *[none] Send your files when ready (/upload).
}
desk-confirmed-mastering = Confirmed { $ref }; its mix was already here, so the automatic master has started.
desk-confirmed = Confirmed { $ref }; { $client } has been told.
desk-declined-artist = Sorry — the studio could not take { $ref } ({ $service }). Nothing is charged. /book finds another time.
desk-declined-artist-reason = Sorry — the studio could not take { $ref } ({ $service }): { $reason } Nothing is charged. /book finds another time.
desk-declined = Declined { $ref }; { $client } has been told.
desk-not-a-start = "{ $typed }" is not a time; use YYYY-MM-DD HH:MM in studio time ({ $zone }).
desk-moved-artist = The studio moved { $ref } to { $when }; its new reference is { $newRef }. Reminders move with it.
desk-moved = Moved { $ref } to { $when } (new reference { $newRef }); the artist has been told.
desk-no-session-unattended = { $ref } is unattended work: there is no session to start.
desk-session-not-confirmed = { $ref } is { $status }; a session can start once it is confirmed.
session-starting-in-person = Your session { $ref } is starting — see you in the studio!
desk-session-started-in-person = Session { $ref } started (in person).
session-starting-virtual = Your session { $ref } is starting now. Join in SonoBus:
keycode-private-short = The keycode is yours alone: please do not share it.
desk-session-started = Session { $ref } started; { $client } has the keycode.
desk-session-not-running = { $ref } is { $status }; only a running session can end.
session-ended-artist = Thanks for the session { $ref }! Your files will arrive here as soon as they are rendered.
desk-session-ended = Session { $ref } ended; deliver the files with /deliver when they are ready.
desk-no-mix = { $ref } has no stereo mix to master yet.
desk-settings-preset-only = its own settings
desk-next-to-artist = it goes to the artist when ready.
desk-next-held-session = it is held for the session and goes to the artist when you send it (as the session ends, or later).
desk-next-held-review = it waits for your review and goes to the artist when you send it.
setting-ceiling = Ceiling { $db } dBTP
desk-mastering = Mastering { $ref } as version { $version } with the { $preset } preset ({ $settings }); { $next }
desk-no-open-revision = { $ref } has no open revision.
revision-resolved-artist = Your revision { $number } of { $ref } is resolved.
revision-resolved-artist-note = Your revision { $number } of { $ref } is resolved: { $note }
desk-revision-resolved = Revision { $number } of { $ref } resolved.
announce-title = Open sessions at { $studio } in the next { $days } days ({ $zone }):
announce-service = • { $service }: { $times }
announce-fully-booked = fully booked
announce-how = Book with /book — in a DM with me or here (only you see your booking).
desk-client-query-short = Give at least two characters of a name, username or reference.
desk-no-client = No client matches "{ $query }".
desk-client = { $name } ({ $identities }; { $zone }; files as { $format })
desk-engineer-action = { $when } · { $who } · /{ $action } · { $outcome }
desk-weekly-hours = Weekly hours ({ $zone }):
desk-weekly-hours-config = Weekly hours: from the configuration (STUDIO_HOURS); add a rule to set them here.
desk-dates = Dates:
desk-date-closed = closed
desk-no-dates = No dates blocked or changed.
desk-not-a-weekday = "{ $typed }" is not a weekday (mon … sun).
desk-end-before-start = The end must be after the start.
desk-hours-added = Open { $day } { $from }-{ $to } every week.
desk-not-a-date = "{ $typed }" is not a date; use YYYY-MM-DD.
desk-date-blocked = Closed on { $date }; no new bookings can take it (existing ones stay: move them with /booking reschedule).
desk-hours-cleared = Removed { $count } weekly { $count ->
        [one] rule
       *[other] rules
    }; the hours from the configuration apply again.
desk-balance-auto = auto (levels by role)
desk-balance-flat = flat (as sent)
desk-session-your-side =
    Your side: SonoBus group { $group }, password { $password }
    { $link }
desk-help-title = The engineer's commands (mixdesk desk COMMAND …; in Discord, the same as slash commands):
desk-unknown-command = "{ $typed }" is not one of the engineer's commands: { $commands }.
desk-unknown-action = /{ $command } takes one of: { $actions } (not "{ $typed }").
desk-arg-missing = /{ $command } needs { $arg }: { $description }.
desk-arg-unknown = /{ $command } does not take "{ $typed }". Usage: { $usage }
desk-arg-not-a-number = /{ $command }: { $arg } must be a number, not "{ $typed }".
desk-arg-out-of-range = /{ $command }: { $arg } must be from { $min } to { $max }, not { $typed }.
desk-arg-not-a-choice = /{ $command }: { $arg } must be one of { $choices }, not "{ $typed }".

## What a received file reads back as

upload-duplicate = I already have { $file } for { $ref } (received { $when }); nothing new was stored.
upload-received = Received { $file } for { $ref } ({ $service }) as { $as }.
upload-as-stem = a stem ({ $role }; /stems to change)
upload-as-mix = your mix
upload-as-reference = a reference track
upload-mono = mono
upload-stereo = stereo
upload-channels = { $count } channels
upload-bit-depth = { $bits }-bit,
upload-format = { $container }, { $khz } kHz, { $depth }{ $channels }, { $duration }, { $size }
upload-loudness = Loudness { $lufs } LUFS, true peak { $dbtp } dBTP
upload-stored = Stored safely (checksum { $checksum }…).
upload-worth-knowing = Worth knowing:
upload-status-hint = /status shows where your booking stands.
archive-received = From { $archive }: { $count } { $count ->
        [one] file
       *[other] files
    } received.
archive-received-for = From { $archive }: { $count } { $count ->
        [one] file
       *[other] files
    } received for { $ref }.
archive-received-again = From { $archive }: { $count } { $count ->
        [one] file
       *[other] files
    } received, { $again } I already had.
archive-received-for-again = From { $archive }: { $count } { $count ->
        [one] file
       *[other] files
    } received for { $ref }, { $again } I already had.
archive-skipped = Skipped:
# Why a file of an archive was skipped, in a few words (after its name).
skip-too-big = too big ({ $size }; the limit is { $max })
skip-too-short = only { $ms } ms long: too short to master
skip-silent = silent (or nearly): nothing to master
skip-over-quota = it would take { $ref } past its storage allowance of { $quota }

## Telegram

telegram-replied-privately = 📬 { $name }, I answered you in a private chat, to keep your bookings and files private.
telegram-open-private-chat = { $name }, I keep bookings, links and files private, so I answer in a private chat — but you have not opened one with me yet. Open t.me/{ $bot }, press Start, then ask again.
telegram-file-too-big-for-chat = { $file } is { $size } MB; Telegram lets bots fetch files up to 20 MB. Use your private upload link instead:
telegram-voice-not-accepted = Voice messages are compressed too much for mixing or mastering. Please send your file as a document (📎 → File), uncompressed.
telegram-photo-not-accepted = That is a picture. Please send audio as a file (📎 → File): WAV, AIFF, FLAC or MP3.
telegram-file-download-failed = I could not fetch { $file } from Telegram just now. Nothing was stored; please send it again in a moment.
telegram-file-as-link = { $file } ({ $size } MB) is larger than Telegram lets me send; download it here: { $url }
telegram-sending-failed = Sorry, something went wrong on our side. Nothing you sent was lost; please try again in a moment.
telegram-menu-book = Book mixing or mastering
telegram-menu-mybookings = Your bookings
telegram-menu-status = Where your bookings stand
telegram-menu-upload = Send your mix or stems
telegram-menu-uploadlink = A private link for large files
telegram-menu-revise = Ask for changes to a delivery
telegram-menu-stems = Your stems and their roles
telegram-menu-format = Delivery format
telegram-menu-reschedule = Move a session
telegram-menu-cancel = Cancel a booking
telegram-menu-timezone = Your time zone
telegram-menu-language = Your language
telegram-menu-help = What I can do

## Discord

discord-no-dms = I cannot send you direct messages (your privacy settings block them). Allow DMs from server members, or use /status here to get your files.
discord-file-too-large = That file is larger than Discord allows here; I will send a download link instead.
discord-too-slow = That took too long to answer; please try again.
discord-refused = Discord refused that request; please try again in a moment.
discord-engineers-only = /{ $command } is for the studio's engineers.
discord-your-answer = Your answer
discord-type-answer = ✍️ Type an answer
discord-choose = Choose…
discord-done = Done.
discord-link = { $label }: { $url }
discord-file-as-link = { $file } is too large to attach here; download it: { $url }
discord-file-as-link-size = { $file } ({ $size } MB) is too large to attach here; download it: { $url }
discord-link-unavailable = (link unavailable)
download-link-unavailable = (download link unavailable right now: ask the studio)
discord-fetch-failed = I could not fetch { $file } from Discord just now. Nothing was stored; please try again in a moment.
discord-setup-servers-only = /setup is for servers; run it in the server you want to set up.
discord-setup-admins-only = Only this server’s admins (Manage Server) can change its studio settings.
discord-setup-title = Studio settings for this server:
discord-setup-engineer-role = • Engineer role: { $role }
discord-setup-no-engineer-role = not set (engineer commands are refused here)
discord-setup-engineer-role-studio-only = Engineer access belongs to the studio: it is given in the studio's own server (or by the studio's configuration), never by another server's settings. Nothing was changed.
discord-setup-community-engineers = • Engineer commands: only the studio's engineers (set in the studio's own server)
discord-setup-announcements = • Announcements: { $channel }
discord-setup-no-announcements = none
discord-setup-language = • Language: { $language }
discord-stemroles-both = Give both a stem number and a role to change one, or neither to list them.
discord-announce-servers-only = /announce posts in a server; run it there.
discord-announce-no-channel = This server has no announcement channel yet: a server admin can choose one with /setup announce_channel.
discord-announced = Posted the open times in { $channel }.
discord-deliver-attach = Attach at least one file (full, instrumental, acappella or master).
discord-deliver-fetch-failed = Could not fetch { $file } from Discord; nothing was delivered. Try again.
discord-delivered = Delivered version { $version } of { $ref } ({ $files }); it goes to the artist privately.

## The console chat

console-start-hint = Type /book to book a session.
console-header = { $studio } — console chat as "{ $user }". /help lists commands, numbers pick options, /quit leaves.
console-resume = We were in the middle of something:
console-to = [to { $who }]
console-the-engineer = the engineer
console-picture = picture
console-file = file
console-bye = Bye.

## The upload and download pages

web-upload-title = Upload — { $ref }
web-upload-heading = { $studio }: files for { $ref }
web-upload-what-stems = { $service } — send your stems (one file per instrument or vocal, all from bar 1), or a zip of them.
web-upload-what-mix = { $service } — send your stereo mix.
web-upload-what-reference = { $service } — send your reference track.
web-upload-formats = WAV, AIFF, FLAC or MP3, up to { $maxMb } MB each. If the connection drops, choose the same file again: it continues where it stopped.
web-upload-private = This link is private to you and works until { $expires }.
web-upload-choose = Choose files
web-upload-waiting = waiting…
web-upload-uploading = uploading…
web-upload-refused = not accepted
web-upload-accepted = accepted ✓
web-refused-title = Link not valid
web-no-file-name = The file name is missing.
web-no-such-upload = No such upload.
web-upload-refused-chat = Your upload { $file } could not be taken: { $problem }
web-not-stored = The file arrived but could not be stored; please try again in a moment.
web-download-invalid = This download link is not valid or has expired. Ask for a new one in your chat with the studio.
web-download-gone = This file is no longer stored. Ask the studio to send it again.
web-body-too-large = That is more than this page takes (at most { $kb } KB). Nothing was changed.
web-failed = Something went wrong on our side; please try again.
link-invalid = This upload link is not valid. Ask for a new one in your chat with the studio.
link-withdrawn = This upload link was withdrawn. Ask for a new one in your chat with the studio.
link-expired = This upload link has expired. Ask for a new one in your chat with the studio.

## Discord slash commands (descriptions shown in the command picker)

discord-option-booking = The booking
discord-cmd-announce = Engineer: post the open session times to this server’s announcement channel
discord-cmd-announce-days = How far ahead (default 7)
discord-cmd-availability = Engineer: opening hours and closed dates
discord-cmd-availability-show = Show the weekly hours and dated changes
discord-cmd-availability-add = Open the studio on a weekday, every week
discord-cmd-availability-weekday = mon … sun
discord-cmd-availability-from = HH:MM
discord-cmd-availability-to = HH:MM
discord-cmd-availability-block = Close the studio on a date
discord-cmd-availability-date = YYYY-MM-DD
discord-cmd-availability-note = Why (for you)
discord-cmd-availability-reset = Remove the weekly rules (the configured hours apply again)
discord-cmd-book = Book mixing or mastering: service, session kind, day and time
discord-cmd-book-service = mix, master or mix-master
discord-cmd-booking-reference = The booking, e.g. MD-7K2Q9A
discord-cmd-booking = Engineer: confirm, decline or move a booking
discord-cmd-booking-confirm = Confirm a requested booking
discord-cmd-booking-decline = Decline a booking
discord-cmd-booking-reason = Told to the artist
discord-cmd-booking-reschedule = Move a session
discord-cmd-booking-start = YYYY-MM-DD HH:MM, studio time
discord-cmd-cancel = Cancel a booking
discord-cmd-cancel-reference = A booking reference
discord-cmd-client = Engineer: clients
discord-cmd-client-lookup = Find a client by name, username or booking reference
discord-cmd-client-query = Name, username or MD-…
discord-cmd-deliver = Engineer: send finished files to the artist as the next version
discord-cmd-deliver-full = Full render
discord-cmd-deliver-instrumental = Instrumental render
discord-cmd-deliver-acappella = A cappella render
discord-cmd-deliver-master = Master render
discord-cmd-deliver-note = A note for the artist
discord-cmd-format = Delivery format: { $formats }
discord-cmd-format-format = { $formats }
discord-cmd-help = What the studio bot can do
discord-cmd-master = Engineer: master a booking’s mix (a new version goes to the artist)
discord-cmd-master-preset = Loudness preset
discord-cmd-master-target = Target LUFS (-30 … -5)
discord-cmd-master-ceiling = True-peak ceiling dBTP (-10 … 0)
discord-cmd-master-intensity = EQ and compression strength 0 … 1
discord-cmd-mixdown = Engineer: render full mix, instrumental and a cappella from the stems
discord-cmd-mixdown-balance = Starting balance
discord-cmd-mybookings = Your bookings
discord-cmd-queue = Engineer: upcoming sessions and unattended work
discord-cmd-queue-days = How far ahead (default 14)
discord-cmd-reschedule = Move a session to another time
discord-cmd-reschedule-reference = A booking reference
discord-cmd-revise = Ask for changes to a delivery (e.g. louder, warmer)
discord-cmd-revise-changes = Booking reference and/or what to change
discord-cmd-revision = Engineer: revisions
discord-cmd-revision-resolve = Mark the open revision resolved (deliver new files with /deliver instead when there are any)
discord-cmd-revision-note = Told to the artist
discord-cmd-session = Engineer: start or end a session
discord-cmd-session-start = Start (virtual: sends the artist the SonoBus keycode)
discord-cmd-session-end = End the session
discord-cmd-setup = Server admins: the engineer role, the announcement channel, the language
discord-cmd-setup-engineer_role = Members with this role run the studio’s engineer commands here
discord-cmd-setup-announce_channel = Public announcements (open slots); nothing private goes there
discord-cmd-setup-language = Language of this server’s announcements
discord-cmd-status = Where your bookings stand, and jobs in progress
discord-cmd-status-reference = A booking reference, e.g. MD-7K2Q9A
discord-cmd-stemroles = Engineer: a booking’s stems and their roles; change one
discord-cmd-stemroles-number = The stem’s number (as listed)
discord-cmd-stemroles-role = Its role
discord-cmd-stems = Your stems and their roles (vocal or instrument); change one
discord-cmd-stems-change = NUMBER ROLE, e.g. 2 backing-vocal
discord-cmd-timezone = Show or set your time zone
discord-cmd-timezone-zone = An IANA zone, e.g. Europe/Berlin
discord-cmd-language = Show or choose the language the studio writes to you in
discord-cmd-language-language = en, es, or auto (your Discord's language)
discord-file-too-big-for-chat = { $file } is { $size } MB, more than Discord passes to bots here; use your private upload link instead:
discord-cmd-upload = Send your mix or stems for a booking (large files: you get a private upload link)
discord-cmd-upload-file = WAV, AIFF, FLAC, MP3, or a zip of stems
discord-cmd-upload-reference = The booking, when you have several
discord-cmd-uploadlink = A private web link for large files (resumable)
discord-cmd-uploadlink-reference = A booking reference

## Held versions: an attended session's starting point, versions the engineer reviews
desk-confirmed-preparing = Confirmed { $ref }; its mix was already here, so the starting point for the session is being prepared (not sent to the artist; see /version list { $ref }).
master-for-session = The engineer prepares it for your session on { $when }; the master is made with you in the session and sent here during or after it.
progress-review = ✅ Master version { $version } of { $ref } is made; the engineer listens to it before it comes to you.
version-facts-master = { $lufs } LUFS, { $dbtp } dBTP
version-held-session-alert = { $ref } v{ $version } is prepared for the session ({ $facts }). Listen with { $list }; deliver it with { $end } or { $deliver }.
version-held-review-alert = { $ref } v{ $version } awaits your review ({ $facts }). Listen with { $list }; approve with { $deliver }, re-run with { $master }{ $on ->
    [discord] , or send your own files with /deliver.
   *[other] .
}
version-not-held = Version { $version } of { $ref } is not waiting to be delivered (see /version list { $ref }).
version-state-ready = delivered
version-state-held-session = prepared for the session
version-state-held-review = awaiting your review
version-state-preparing = being made
version-state-failed = failed
version-state-set-aside = set aside
status-next-session-prepared = Your files are in. The engineer prepares them for your session on { $when }; the { $result ->
    [mix] mix
   *[master] master
} is sent here during or after it.
status-next-review = Version { $version } is made and being reviewed by the engineer; it comes here once approved.
desk-review-title = Versions awaiting your review:
desk-review-line = { $ref } v{ $version } · { $client } · { $facts }
desk-review-how = Listen with /version list REF; approve with /version deliver REF, or re-run with /master REF.
desk-notes-title = Revision notes waiting for you:
desk-notes-line = { $ref } revision { $number } · { $client } · { $when }: “{ $notes }”
desk-notes-how = Deliver with /deliver or /master REF, or close it with /revision resolve REF.
desk-no-versions = { $ref } has no versions yet.
desk-versions-title = Versions of { $ref } ({ $client }):
desk-version-by-engineer = your files
desk-version-mixdown = mixdown of the stems
desk-version-master = automatic master { $settings }
desk-version-source = from { $file }
desk-versions-held-how = Deliver a held version with /version deliver { $ref } [version]; the others are then set aside.
desk-nothing-held = { $ref } has no version waiting to be delivered.
desk-version-delivered = { $ref } v{ $version } sent to { $client }.
desk-session-ended-delivered = Session { $ref } ended; v{ $version } sent to { $client }.
desk-session-ended-held = Session { $ref } ended. Prepared and not sent yet:
discord-cmd-version = Engineer: a booking's versions, and sending a held one
discord-cmd-version-list = Every version: how it was made, its source, where it stands (links to held ones)
discord-cmd-version-deliver = Send a held version to the artist (the newest unless you name one)
discord-cmd-version-number = Version number (the newest held one when left out)
discord-cmd-session-end-deliver = Send the version prepared in the session now
desk-choice-deliver-newest = Send the newest prepared version
desk-choice-deliver-later = Not yet (deliver later)
revise-rest-to-engineer = The rest of your notes needs the engineer, who has them now; the revision stays open until they answer it.
revise-same-as-version = That would make { $ref } exactly as version { $version } already is (same settings, same mix), so no revision was used and nothing was charged; /status has its files. Write what else you would like (the engineer reads your notes).
revision-alert-automatic-and-notes = automatic re-master started for the quick changes; the rest of the notes wait for you.
desk-master-same = Version { $version } of { $ref } was already made with these settings from the same mix; choose other settings, or deliver it with /version deliver.

## A corrected mix or stems after delivery
new-source-ask-mix = Use this new mix for the next version of { $ref }? It counts as revision { $number } ({ $cost }). The earlier mix stays with the booking.
new-source-ask-stems = Use these new stems for the next version of { $ref }? It counts as revision { $number } ({ $cost }); the engineer mixes it. The earlier stems stay with the booking.
new-source-paid = { $price }, charged only when the new version is delivered
new-source-yes = Yes, use it
new-source-yes-paid = Yes, use it ({ $price })
new-source-settings = Version { $version } was made with these settings: { $settings }. Keep them for the new mix, or start again from the studio's defaults?
new-source-yes-keep = Yes, with version { $version }'s settings
new-source-yes-keep-paid = Yes, with version { $version }'s settings ({ $price })
new-source-yes-defaults = Yes, from the default settings
new-source-yes-defaults-paid = Yes, from the default settings ({ $price })
new-source-what-kept = made from { $file }, with version { $version }'s settings
new-source-what-defaults = made from { $file }, from the default settings
new-source-pick = Please pick one: the new mix with version { $version }'s settings, the new mix from the default settings, or just keep the file.
new-source-no = No, just keep it
new-source-kept = { $file } is kept with { $ref }; nothing else changed. /revise when you want a version made from it.
new-source-notes = New source: { $file }
new-source-what = made from { $file }
new-source-web = { $ref } is delivered: to make the next version from this file, send /revise { $ref } in the chat and pick “Use my new file”.
revise-use-new-source = Use my new file ({ $file })
master-from-new-source = Made from your new mix, { $file }.

## Progress and time estimates
about-seconds = about { $count } seconds
about-minutes = about { $count } { $count ->
    [one] minute
   *[other] minutes
}
estimate-measured = { $time }, going by this studio's recent masters
estimate-first-guess = { $time } (a first estimate: nothing has been mastered here yet)
progress-left = { $time } left
progress-almost-done = almost done

## The MP3 preview, after the master
preview-ready = 🎧 An MP3 preview of version { $version } of { $ref }, to listen on the go.
preview-failed-alert = The MP3 preview of { $ref } v{ $version } could not be made: { $error }. The master itself was delivered.

## Live notes during a session
note-sent = 📝 Sent to the engineer ({ $ref }).
note-to-engineer = 📝 { $client } ({ $ref }, live session): { $text } — answer with { $reply }
note-from-engineer = 📝 From the engineer ({ $ref }): { $text }
session-notes-live = While the session runs, anything you type here reaches the engineer at once.
desk-reply-no-session = { $ref } has no session running: replies reach the artist during a live session (/session start).
desk-reply-empty = Write the answer after the reference.
desk-reply-sent = Sent to { $client } ({ $ref }).
desk-no-notes = No notes were typed in { $ref }'s sessions.
desk-notes-list-title = Notes typed in { $ref }'s sessions ({ $client }):
desk-notes-engineer = engineer
discord-cmd-reply = Engineer: answer an artist's note during their session
discord-cmd-reply-text = Your answer (it reaches the artist's own chat)
discord-cmd-session-notes = What was typed in the booking's sessions, both ways

## Release details in delivered files
help-release = Title, artist, ISRC and year for your files (they carry them, and are named "Artist - Title (Master).wav")
telegram-menu-release = Title, artist, ISRC for your files
discord-cmd-release = Title, artist, ISRC and year your delivered files carry
discord-cmd-release-details = Artist - Title, then the ISRC and year if you have them
release-set = Release details for { $ref }: { $release }. The next files carry them and are named like "{ $name }".
release-show = Release details for { $ref }: { $release }. Change them with /release { $ref } Artist - Title ISRC YEAR.
release-none = No release details for { $ref } yet. Give them like this: /release { $ref } Mara - Night Drive GB-ABC-26-00001 2026
release-name-needs-both = (file names follow "Artist - Title" once both are given)
release-bad-isrc = { $typed } is not an ISRC: it has 12 characters, like GB-ABC-26-00001 (country, registrant, year, number).
release-no-booking = You have no booking to give release details for. /book makes one.
release-which-booking = Which booking? You have { $refs }: start with its reference, e.g. /release MD-… Mara - Night Drive.
note-which-session = You are running several sessions ({ $refs }): answer with /reply REF so the note reaches the right artist.

## Mixing estimate (/quote, /estimate)
help-quote = how long your mix will take and why, measured from your stems
telegram-menu-quote = How long your mix will take
discord-cmd-quote = How long your mix will take and why, from your stems
discord-cmd-quote-reference = The booking reference (optional)
discord-cmd-estimate = Engineer: a mix’s estimate and the numbers behind it; set the hours
discord-cmd-estimate-hours = The hours you set (0: back to what the stems measure)
estimate-title = Mixing estimate for { $ref }: about { $hours } h, from what your stems measure:
estimate-stems = { $count } { $count ->
        [one] stem
       *[other] stems
    } to set up and balance
estimate-recorded = { $count } recorded through microphones or amps (hiss at { $db } dBFS between phrases, where programmed parts are digitally silent): recorded parts take longer
estimate-recorded-drums = { $count } recorded through microphones or amps, acoustic drums among them (hiss at { $db } dBFS between phrases, where programmed parts are digitally silent): recorded parts take longer
estimate-timing = the { $parts } sit { $ms } ms off the song’s grid on average: timing edits first
estimate-part-drums = drums
estimate-part-vocals = vocals
estimate-and = { " " }and{ " " }
estimate-line-up = { $count } { $count ->
        [one] stem is
       *[other] stems are
    } a different length ({ $shortest } to { $longest }): lining them up first
estimate-noise = { $count } { $count ->
        [one] stem has
       *[other] stems have
    } noise to clean (up to { $db } dBFS between phrases)
estimate-raw = { $count } { $count ->
        [one] stem is
       *[other] stems are
    } still raw (peaks { $db } dB above the level on average): compression and control to do
estimate-bounded = (The studio’s mixes take { $shortest } to { $longest } hours; yours measured { $measured } h.)
estimate-unmeasured = { $count } { $count ->
        [one] stem was
       *[other] stems were
    } stored before the studio measured stems and { $count ->
        [one] counts
       *[other] count
    } only by number.
estimate-engineer-set = The engineer set { $hours } h for this mix (your stems measure { $measured } h).
estimate-booked = Booked: { $hours } h ({ $price }, at { $rate } an hour).
estimate-fixed = The price stays { $price } whatever the hours.
estimate-so-far = Mixing estimate for { $ref } with the { $count } { $count ->
        [one] stem
       *[other] stems
    } so far: about { $hours } h. /quote shows why.
estimate-none = No stems for { $ref } yet: send them, and /quote tells you how long the mix will take and why.
estimate-not-mixing = { $ref } is mastering: its price does not depend on hours.
estimate-ask-in-chat = Your stems measure more hours than { $ref } has booked: /quote in the chat to book them or leave it to the engineer.
estimate-set-message = The engineer set { $hours } h for mixing { $ref } (your stems measure { $measured } h).
estimate-set-more = That is { $more } h more than booked: /quote { $ref } to book them or leave it to the engineer.
mix-time-ask = Your stems measure about { $hours } h of mixing; { $ref } has { $booked } h booked. Book { $more } h more ({ $price } more, { $total } in all), or leave it to the engineer, who will say what fits in the booked time?
mix-time-more = Book { $more } h more ({ $price })
mix-time-engineer = Leave it to the engineer
mix-time-pick = Pick one of the choices: book the hours, or leave it to the engineer.
mix-time-left = The engineer will look at your stems and say what fits in the { $booked } h booked.
mix-time-booked = Booked: { $ref } now has { $hours } h ({ $total } in all).
mix-time-booked-session = Booked: { $ref } now has { $hours } h ({ $total } in all); your session ends { $end }.
mix-time-nothing-to-book = { $ref } already has the hours its stems measure.
mix-time-enough = { $ref } already has { $hours } h booked.
mix-time-studio-closed = The studio closes before { $ref }’s session could run that long. The engineer has been told and will decide with you.
mix-time-taken = Someone else has the time after { $ref }’s session. The engineer has been told and will decide with you.
alert-mix-time-extended = { $ref } ({ $client }) booked { $more } h more for the mix: { $hours } h now ({ $total }).
alert-mix-time-left = { $ref } ({ $client }): the stems measure { $hours } h of mixing and { $booked } h are booked; it is your call. { $why } { $estimate } shows the numbers and sets the hours.
alert-mix-time-no-room = The artist wanted to book the hours, but the calendar has no room after the session.
alert-mix-time-session = { $ref } ({ $client }): the stems measure { $hours } h of mixing and the session is { $booked } h. { $estimate } shows the numbers.
desk-estimate-title = { $ref } ({ $client }): the stems measure { $hours } h of mixing ({ $unbounded } h before the 5–15 h bounds).
desk-estimate-share = • { $why }: { $hours } h
desk-estimate-stem = { $n }. { $file } ({ $role }): { $floor }, level { $level } dBFS, crest { $crest } dB, { $onsets } onsets, { $seconds } s
desk-estimate-stem-unmeasured = { $n }. { $file } ({ $role }): not measured (stored before stems were)
desk-estimate-floor = hiss at { $db } dBFS between phrases
desk-estimate-floor-digital = digital silence between notes
desk-estimate-floor-none = never quiet
desk-estimate-set = Your hours: { $hours } (set by { $by }).
desk-estimate-booked = Booked: { $hours } h ({ $price }).
desk-estimate-how = Set the hours: /estimate { $ref } hours:N (0: back to the stems’ estimate).
desk-estimate-set-now = { $ref }: { $hours } h set; the artist has been told.
desk-estimate-reset = { $ref }: back to the stems’ estimate; the artist has been told.
desk-estimate-hours-range = The hours go from 0.25 to 100.
status-mix-estimate = Mixing: about { $hours } h from your stems (/quote { $ref } shows why).
quote-send-stems = No mixing booking yet? Send your stems here (a zip, or the files one by one) and I will measure how long the mix would take and why. Nothing is kept: only the measurements, for your booking.
quote-done-button = Done
quote-title = Mixing estimate from your { $count } { $count ->
        [one] stem
       *[other] stems
    }: about { $hours } h.
quote-price-hourly = At { $rate } an hour, a mix booked now is booked for these { $hours } h: { $price } (unattended work less).
quote-price-fixed = Mixing costs { $price } whatever the hours.
quote-more = Send more stems to add them, or book with /book.
quote-kept = Your quote is kept for 30 days: the next mix you book by the hour takes its { $hours } h.
quote-kept-fixed = Your quote is kept for 30 days, so the engineer can plan your { $hours } h; mixing costs { $price } whatever the hours. /book mix books it.
quote-none = No stems measured. /quote again whenever you have them.
quote-nothing-measured = Nothing in { $file } could be measured.
quote-too-many = A quote holds up to { $max } stems.
book-quoted-hours = Booked for the { $hours } h your stems measured (/quote).
estimate-so-far-more = That is more than the { $booked } h booked: /quote { $ref } to book the difference or leave it to the engineer.

## Payments
payment-deposit-item = Deposit for booking { $ref }
payment-deposit-ask = To hold it, pay the deposit of { $amount } ({ $percent } % of the price) within { $minutes } minutes: { $url }
payment-deposit-paid = Deposit of { $amount } received: { $ref } is booked. Thank you!
payment-deposit-expired = The deposit for { $ref } was not paid in time, so its time has been released. Book again with /book whenever you like.
payment-deposit-unavailable = The payment page could not be opened just now: { $ref } is held for you; /status shows the link once it is ready, or ask the studio.
alert-deposit-late = { $ref } ({ $client }) paid its deposit of { $amount } after its time was released: refund it or book the artist again.
alert-payment-page-failed = The deposit page for { $ref } could not be made: { $problem }. The booking is held; /status retries.
web-payment-done = Thank you: your payment is with Stripe. The studio confirms it in your chat in a moment.
web-payment-cancelled = The payment was not made. Your booking stays held until its time runs out; the link in your chat still works.
cancel-deposit-unpaid = Nothing has been charged: the deposit was not paid, and its payment page closes.
cancel-deposit-refunded = Your deposit of { $amount } will be refunded to your card.
cancel-deposit-kept-session = Your deposit of { $amount } is kept: the session is less than { $hours } hours away (cancellations made earlier are refunded).
cancel-deposit-kept-work = Your deposit of { $amount } is kept: the work has begun.
cancel-refund-done = { $amount } refunded: it reaches your card in 5–10 days.
cancel-refund-pending = The refund of { $amount } could not be made just now; the studio has been told and will send it.
alert-refund-failed = The refund of { $amount } for { $ref } ({ $why }) could not be made: { $problem }. Please refund it by hand (Stripe's dashboard, or your payment provider's for Telegram payments).
desk-declined-refund = Its deposit went back to the artist.
payment-line-paid = { $what ->
    [balance] Balance
    [revision] Revision payment
   *[deposit] Deposit
} of { $amount } paid on { $date }.
payment-line-paid-receipt = { $what ->
    [balance] Balance
    [revision] Revision payment
   *[deposit] Deposit
} of { $amount } paid on { $date } (receipt: { $receipt }).
payment-line-waived = { $what ->
    [balance] Balance
    [revision] Revision payment
   *[deposit] Deposit
} of { $amount } waived by the studio.
payment-line-refunded = { $what ->
    [balance] Balance
    [revision] Revision payment
   *[deposit] Deposit
} of { $amount } refunded.
payment-line-open = { $what ->
    [balance] Balance
    [revision] Revision payment
   *[deposit] Deposit
} of { $amount } not paid yet.
payment-line-twice = { $what ->
    [balance] Balance
    [revision] Revision payment
   *[deposit] Deposit
} of { $amount } paid a second time: the studio refunds it.
payment-line-twice-refunded = { $what ->
    [balance] Balance
    [revision] Revision payment
   *[deposit] Deposit
} of { $amount } paid a second time, and refunded.
payment-line-revision-owed = Revision { $number }: { $amount }, to pay the studio.
payment-line-due = Still to pay: { $amount }.
payment-deposit-waived = The studio waived the deposit for { $ref }: it is booked.
discord-cmd-booking-waive = Waive what the artist owes: deposit, balance or paid revision (the artist is told)
desk-waived = { $ref }: deposit waived; the booking goes on and the artist has been told.
desk-nothing-to-waive = { $ref } has no payment waiting.

## Balances, paid revisions, Telegram invoices
revise-pay-first = Revision { $number } of { $ref } starts as soon as its { $amount } is paid: { $url }
revise-pay-button = Pay { $amount }
revise-ask-paid-first = { $reason } Shall I go ahead? You pay it first, and it starts as soon as it is paid.
revise-cost-prepaid = { $price }, paid
invoice-title-deposit = Deposit { $ref }
invoice-title-balance = Balance { $ref }
invoice-title-revision = Revision { $ref }
invoice-description-deposit = The deposit that holds booking { $ref } at the studio.
invoice-description-balance = The rest of the price of { $ref }: it releases the full-quality files.
invoice-description-revision = A revision of { $ref } beyond the free ones.
payment-no-longer-due = This payment is no longer due, and nothing was charged. /status shows what is.
payment-amount-changed = The amount changed since this invoice: it is { $amount } now. Please pay the newest one in the chat.
payment-balance-item = Balance for booking { $ref }
payment-revision-item = Paid revision for booking { $ref }
payment-balance-paid = Balance of { $amount } for { $ref } received. Thank you!
payment-balance-waived = The studio waived the balance of { $ref }.
balance-files-now = Here are the full-quality files of { $ref } v{ $version }.
balance-files-after = The full-quality files follow as soon as the balance of { $amount } is paid: { $url }
balance-pay-button = Pay { $amount }
status-files-after-balance = Full-quality files once the balance of { $amount } is paid: { $url }
alert-payment-refused = A payment for { $ref } ({ $client }) was not accepted: { $received } arrived through { $via }, and { $asked } was asked. Nothing was settled: refund it or settle it with the artist.
alert-payment-unknown = A payment of { $received } arrived through { $via } for nothing the studio asked (not a page mixdesk made). Nothing was settled: check it at the provider and refund it if it is not yours.
refund-reason-twice = paid a second time
payment-twice-refunded = You paid the { $what ->
    [balance] balance
    [revision] revision
   *[deposit] deposit
} of { $ref } twice: the second payment of { $amount } is refunded and reaches your card in 5–10 days.
payment-twice-pending = You paid the { $what ->
    [balance] balance
    [revision] revision
   *[deposit] deposit
} of { $ref } twice: the studio has been told and refunds the second payment of { $amount }.
alert-payment-late = { $ref } ({ $client }) paid { $amount } for something no longer asked (called off or replaced): refund it or settle it with the artist.
refund-by-provider = it was paid through Telegram (charge { $charge }), which cannot refund it from here
refund-reason-cancelled = booking cancelled
refund-revision-unmade = the revision was closed without a new version
payment-revision-paid = Payment of { $amount } for { $ref } received.
payment-revision-waived = The studio waived the { $amount } of this revision of { $ref }.
payment-revision-unstarted = The paid revision of { $ref } could not start: { $reason } { $refund }
desk-waived-balance = { $ref }: balance waived; the full-quality files went to the artist.
desk-waived-revision = { $ref }: paid revision waived; it starts now and the artist has been told.
web-pay-paid = This payment is made. Thank you!
web-pay-closed = This payment is no longer asked. Your chat with the studio shows what is due now (/status).
web-pay-unavailable = The payment page could not be opened just now. Please try again in a minute.
new-source-paid-first = { $price }, paid before it starts
alert-revision-start-failed = The paid revision of { $ref } could not start: { $problem }. It is tried again every minute for a day; check the booking.

## The listening room
room-link-label = Listen and compare
room-setting-target = Loudness target { $lufs } LUFS
room-setting-bass = Low end { $db } dB
room-setting-treble = Top end { $db } dB
room-setting-punch = Punch { $amount }
room-setting-reference = Matched to your reference
room-report = Report
room-preview = MP3 preview
room-version = Version { $version }
room-source = Your mix ({ $file })
room-no-such-version = { $ref } has no delivered version { $version }.
room-cannot-approve = { $ref } cannot be approved now: approving is for a delivered booking.
room-approved-chat = You approved version { $version } of { $ref }. Thank you — the studio has been told.
room-approved-alert = { $client } approved version { $version } of { $ref } on the listening page: the booking is complete.
room-approved-page = Version { $version } approved. Thank you! The studio has been told, and so has your chat.
room-from-page = From the listening page:
listen-link-invalid = This listening link is not valid. Every delivery message in your chat with the studio has one.
listen-link-withdrawn = This listening link was withdrawn. Every delivery message in your chat with the studio has a new one.
listen-link-expired = This listening link has expired. Ask for a new one in your chat with the studio (/status).
web-room-title = Listen: { $ref }
web-room-heading = { $studio } — { $ref }
web-room-private = a private page: whoever has this link can listen, so keep it to yourself
web-room-player = Player
web-room-pick = What { $side } plays
web-room-play = Play
web-room-pause = Pause
web-room-position = Position
web-room-strip = Loudness over time: the mix in grey, the master in blue
web-room-keys = Keys: space plays and pauses, A and B switch at the same moment, arrows skip 5 seconds.
web-room-fair = { $db } dB for a fair comparison
web-room-as-is = at its own level (the quietest)
web-room-unmeasured = loudness not measured: played as it is
web-room-nothing-yet = Nothing to play yet: versions appear here as they are delivered.
web-room-versions = Versions
web-room-made-from = made from { $file }
web-room-approved-mark = approved
web-room-after-balance = The full-quality files follow once the balance is paid (the link is in your chat).
web-room-approve = Approve version { $version }
web-room-changes = Ask for changes
web-room-notes = What should change? (e.g. a bit louder, the vocal is too bright)
web-room-accept-price = I accept the price of { $price } for this revision
web-room-send-changes = Ask for these changes
web-room-sending = Sending…

## The studio dashboard
discord-cmd-dashboard = Engineer: a sign-in link to the studio dashboard in your browser
desk-dashboard-link = Your sign-in link to the studio dashboard (good once, for { $minutes } minutes; keep it to yourself): { $url }
web-dashboard-link-bad = This sign-in link is not valid any more (each works once, for 15 minutes). Ask for a new one with /dashboard.
web-dashboard-signed-out = You are not signed in to the studio dashboard. Ask for a sign-in link with /dashboard (or mixdesk dashboard-link).
web-dashboard-bad-action = That is not an action the dashboard offers.
web-dashboard-title = { $studio } — studio
web-dashboard-sign-out = Sign out
web-dashboard-week = This week ({ $zone })
web-dashboard-waiting = Waiting for your answer
web-dashboard-unattended = Unattended work
web-dashboard-held = Versions waiting for you
web-dashboard-revisions = Revision notes
web-dashboard-none = Nothing.
web-dashboard-revision = Revision { $number }
web-dashboard-paid = paid
web-dashboard-back = Back to the week
web-dashboard-confirm = Confirm
web-dashboard-decline = Decline
web-dashboard-reason = Reason (the artist reads it)
web-dashboard-master = Master again
web-dashboard-resolve = Close revision { $number }
web-dashboard-versions = Versions
web-dashboard-deliver = Send v{ $version } to the artist
web-dashboard-files = Files
web-dashboard-money = Money
web-dashboard-history = History
web-dashboard-sign-in = Sign in to the studio dashboard
web-room-approve-sure = Press again to approve version { $version }: the booking is then complete

## A file sent while several bookings take files
file-for-which = { $file }: you have { $count } bookings taking files. Which one is it for?
file-for-booking = { $ref } · { $service } · { $when }
file-for-none = None of them (forget the file)
file-for-forgotten = { $file } is forgotten; nothing was stored.
file-for-pick = Pick one of the { $count } bookings, or type its reference (MD-…).
file-for-gone = { $file } waited too long for an answer and is gone: please send it again.
file-for-replaced = { $file } was still waiting for its booking; it is forgotten, and this file is asked about instead (send it again afterwards if you need both).
upload-files-go-to = Files you send in the next { $minutes } minutes go to { $ref } ({ $service }). Send them now.

## Booking news for the engineer (ENGINEER_ALERTS)
alert-booking-request = { $paid ->
    [yes] Deposit paid for the booking request { $ref } from { $client }: { $service }, { $when }, { $price }.
   *[no] New booking request { $ref } from { $client }: { $service }, { $when }, { $price }.
} It waits for you: { $confirm } confirms it, { $decline } declines it.
alert-booking-confirmed-auto = { $paid ->
    [yes] Deposit paid for { $ref } from { $client }: { $service }, { $when }, { $price }; confirmed automatically.
   *[no] New booking { $ref } from { $client }: { $service }, { $when }, { $price }; confirmed automatically.
}
alert-booking-awaiting-deposit = New booking { $ref } from { $client }: { $service }, { $when }, { $price }; held until the deposit is paid.
alert-balance-paid = { $client } paid the balance of { $amount } for { $ref }; the full-quality files went to them.
alert-revision-paid = { $client } paid { $amount } for a revision of { $ref }; it starts now.
alert-refunded = Refunded { $amount } for { $ref } ({ $why }).
alert-booking-moved = { $client } moved { $was } ({ $service }) from { $from } to { $when }; it is now { $ref }.
alert-booking-released = { $ref } ({ $client }, { $service }, { $when }) was released: the deposit was not paid in time.
alert-booking-cancelled = { $client } cancelled { $ref } ({ $service }, { $when }, { $price }).
alert-cancel-deposit-refunded = Its deposit of { $amount } was refunded.
alert-cancel-deposit-pending = Its deposit of { $amount } could not be refunded just now: see the alert about it.
alert-cancel-deposit-kept = Its deposit of { $amount } is kept (cancelled after the refund window).
alert-session-files = { $client } sent { $count ->
    [one] a file
   *[other] { $count } files
} for { $ref } ({ $service }, session { $when }): { $files }.
alert-button-confirm = Confirm
alert-button-decline = Decline

## What the engine noticed while mastering (worded here, in the reader's language)
engine-note-dc-removed = DC offset of { $dbfs } dBFS found and removed.
engine-note-sides-out-of-phase = Left and right are mostly out of phase (correlation { $correlation }); one side may be polarity-inverted. The master keeps it as it is: please check the mix.
engine-note-section-out-of-phase = A section around { $atSec } s is strongly out of phase (correlation { $correlation }); it will lose level in mono.
engine-note-vinyl-mono-lows = For vinyl the low end is made mono below { $hz } Hz (a lathe cuts stereo lows as vertical groove motion the stylus may not track). Here the lows are { $phase ->
    [out] out of phase
   *[wide] wide
} (correlation { $correlation }) and lose { $loss } dB in mono: please check the bass and kick in the mix.
engine-note-lows-out-of-phase = The low end (below { $hz } Hz) is out of phase between left and right (correlation { $correlation }): made mono it would lose { $loss } dB, so it was left in stereo. Summed to mono (clubs, phones) it cancels: please check the polarity of the bass and kick in the mix.
engine-note-lows-wide = The low end (below { $hz } Hz) is wide (correlation { $correlation }): made mono it would lose { $loss } dB, so it was left in stereo.
engine-note-no-brickwall = No brick-wall loudness: { $lufs } LUFS with at most { $limiting } dB of limiting (up to { $target } LUFS), the dynamics kept for the cut.
engine-note-limiting-stops-short = Reaching { $target } LUFS would need about { $needs } dB more limiting than the { $limiting } dB allowed, which would flatten the transients; this master stops at { $lufs } LUFS instead. Ask for a lower target, or a more compressed mix, if it must be louder.
engine-note-peaks-clipped = To get there without more limiting, a soft clipper shaved the highest peaks by up to { $db } dB ({ $share } % of the samples, a few milliseconds at a time).
engine-note-true-peak-over = True peak { $dbtp } dBTP is above the { $ceiling } dBTP ceiling.
engine-note-target-missed = Landed at { $lufs } LUFS, not within 0.3 LU of { $target }.
engine-note-vinyl-bright = Vinyl: high frequencies (5–10 kHz) sit { $hf } dB from the midrange (200 Hz–2 kHz; above { $limit } dB sibilance and bright cymbals may distort on a lacquer): a de-esser or a darker master cuts cleaner.
engine-note-vinyl-phase = Vinyl: left and right are partly out of phase (correlation { $correlation }, worst 1 s { $worst } at { $atSec } s): out-of-phase content cuts as vertical groove motion the stylus may not track.
engine-note-loss-huge = more than 40

## The report picture
report-png-title = mixdesk master — { $name }
report-png-loudness = Loudness
report-png-true-peak = true peak
report-png-target-met = ✓ target { $lufs } LUFS / { $dbtp } dBTP met
report-png-target-missed = ✗ target { $lufs } LUFS not met — see the report
report-png-short-term = Short-term loudness (LUFS)
report-png-spectrum = Spectrum (dB, third-octave bands)
report-png-before = before
report-png-after = after

## An artist's data on request (/mydata, /forgetme; client export, client forget)
help-mydata = a copy of everything the studio holds about you (sent here once the studio has made it)
help-forgetme = ask the studio to erase your data and files
telegram-menu-mydata = Your data
telegram-menu-forgetme = Erase your data
discord-cmd-mydata = A copy of everything the studio holds about you
discord-cmd-forgetme = Ask the studio to erase your data and files
privacy-private-chat-only = Ask me that in a private chat with me: your data is only ever sent there.
mydata-asked = Asked: the studio will make a copy of everything it holds about you (your bookings, messages, payments and files) and send you a private download link here, within 30 days and usually much sooner.
forgetme-asked = Asked: once the studio confirms, your name, accounts, messages and files are erased. Payment records are kept, nameless, as the studio's accounts require. You will hear back here.
forgetme-asked-open = Asked. { $refs } is still open: the studio will talk it through with you first (call it off with /cancel if you no longer want it), then erase your data.
alert-data-export = { $name } asks for a copy of their data. { $command } makes it and sends them a private link.
alert-data-forget = { $name } asks to have their data erased. { $command } erases it (their bookings and payments stay, nameless, for the accounts).
privacy-no-such-client = No client is "{ $typed }": give their id (client lookup shows it) or one of their booking references.
privacy-forget-open = { $name } still has { $refs } open: finish or cancel it first, then erase.
privacy-export-readme = Everything { $name }'s studio held about them on { $date }: data.json (your details, bookings with their history, files, versions, revisions, payments, session notes, the mixing estimate and the messages the studio sent you), uploads/ (the files you sent, as stored) and versions/ (the files delivered to you, with their reports).
privacy-export-ready = Here is a copy of everything the studio holds about you (a zip; the link is private and expires): { $url }
privacy-export-ready-ask = A copy of everything the studio holds about you is ready; the studio will send it to you directly.
privacy-forgotten = Done: the studio has erased your name, accounts, messages and files. Payment records are kept, nameless, for its accounts. If you write again you start afresh.
discord-cmd-client-export = Make a zip of everything about a client (and send it to them if they asked)
discord-cmd-client-forget = Erase a client's personal data and files (bookings and payments kept, nameless)
discord-cmd-client-who = Client id or one of their booking references (MD-…)
desk-client-exported = Export of { $name }: { $bookings } booking(s), { $files } file(s), { $size } MB.{ $sent ->
    [yes] {" "}Sent to the artist in their private chat.
   *[no] {""}
}
desk-client-exported-where = The zip: { $where }
desk-client-exported-missing = { $count } file(s) named in the records were no longer stored (removed by retention).
desk-client-forgotten = { $name }'s personal data and { $files } file(s) are erased; { $bookings } booking(s) and their payments are kept, nameless.

## "Add to calendar" (a session's calendar file, in the artist's zone)
calendar-summary = { $service } at { $studio }
calendar-standard = At the studio, in person.
calendar-virtual = Listen in from home over SonoBus: the group and its password arrive in your chat before the session.
calendar-reference = Booking { $ref }: /status in your chat shows where it stands.
calendar-add = 📅 Add it to your calendar: { $url }
calendar-update = 📅 Update your calendar (the same event moves): { $url }
calendar-remove = 📅 Remove it from your calendar: { $url }
web-calendar-invalid = This calendar link is not valid, or its session has no time (unattended work). /status in your chat with the studio shows your bookings.
feed-summary = { $ref } · { $name } · { $service }
feed-standard = In the studio, with the artist.
feed-virtual = Virtual: the artist listens in over SonoBus (the group and password go out 24 h and 1 h before; /session start shows them).
feed-unattended = Unattended work.
discord-cmd-calendar = Engineer: the studio's calendar feed
discord-cmd-calendar-link = The private link of the studio's calendar feed (subscribe to it in your calendar app)
discord-cmd-calendar-renew = A new link for the feed; the old one stops working
desk-calendar-link = The studio's sessions as a calendar feed (subscribe to this link in your calendar app; keep it private): { $url }
desk-calendar-renewed = A new calendar link; the old one no longer works: { $url }

## Comments at a moment in the music (listening page, /revise with times, the engineer's answers)
comment-line = v{ $version } at { $at }: { $text }
comment-say-what = Write what you hear at that moment.
comment-too-long = A comment can be up to { $max } characters long.
comment-moment-outside = That moment is not inside version { $version }.
comment-too-many = This booking already holds { $max } comments, the most it can.
comment-already-sent = Comment #{ $number } was sent to the studio: it can no longer be changed.
comment-no-such = { $ref } has no comment #{ $number }.
comment-nothing-to-send = There are no new comments to send.
comment-alert = 💬 { $ref } { $line } · { $client }, comment #{ $number }{ $link }
comment-answer-empty = Write the answer after the comment's number.
comment-answered-chat = 💬 The studio answered your comment on { $ref } ({ $line }): { $answer }
comment-state-draft = not sent yet
comment-state-open = open
comment-state-resolved = resolved
comment-in-revision = asked for in a revision
discord-cmd-comment = Engineer: the artist's comments at moments of their versions
discord-cmd-comment-list = List a booking's comments with their moments
discord-cmd-comment-answer = Answer a comment (the artist reads it on their page and in their chat)
discord-cmd-comment-resolve = Mark a comment resolved
discord-cmd-comment-reopen = Open a resolved comment again
discord-option-comment-number = The comment's number (#3 is 3)
discord-option-comment-text = Your answer
desk-comments-title = Comments on { $ref } ({ $client }):
desk-comments-none = { $ref } has no comments yet.
desk-comment-entry = #{ $number } { $line } · { $state }
desk-comment-answer-line = answered: { $answer }
desk-comment-answered = Your answer to comment #{ $number } on { $ref } is on its way to { $client }.
desk-comment-resolved = Comment #{ $number } on { $ref } is resolved.
desk-comment-reopened = Comment #{ $number } on { $ref } is open again.
web-room-comments = Comments
web-room-comments-none = No comments yet.
web-room-waveform = Waveform of what is playing: click a moment to comment on it, drag over a stretch
web-room-comment-here = Comment at { $at }
web-room-comment-help = Click the waveform at a moment (or drag over a stretch) to comment there, or press C while listening. Comments stay yours to change until you send them.
web-room-comment-on = Version
web-room-comment-from = From (m:ss)
web-room-comment-to = To (optional)
web-room-comment-text = What do you hear there?
web-room-comment-save = Save comment
web-room-comment-cancel = Cancel
web-room-comment-edit = Edit
web-room-comment-delete = Delete
web-room-comment-play = Play from { $at }
web-room-comment-send = Send my comments to the studio
web-room-comment-bad-time = Write the time as m:ss, for example 1:23.
web-room-comment-studio = Studio:
web-room-comments-sent = { $count ->
    [one] Your comment is with the studio now.
   *[other] Your { $count } comments are with the studio now.
}
web-room-changes-gathers = Your comments not asked for yet go with these changes, each at its moment.
web-dashboard-comments = Comments at moments
web-dashboard-comment-answer = Answer
web-dashboard-comment-resolve = Mark resolved
web-dashboard-comment-reopen = Open again
desk-comments-waiting = Comments waiting for your answer:
desk-comments-how = Answer with /comment answer REF NUMBER, or mark it done with /comment resolve REF NUMBER.
booking-no-engineer = No engineer takes { $service } at the moment. Please ask the studio.
booking-engineer-not-offering = That engineer does not take this service (or no longer works here). Please pick again.
engineer-unknown = There is no engineer called "{ $name }" (engineers: { $names }).
engineer-owner-only = Only the studio's owner can do that.
engineer-bad-name = An engineer's name is one line of 1 to { $max } characters, without commas.
engineer-bad-identity = "{ $typed }" is not an identity: use discord:<user id>, telegram:<user id> or console.
engineer-bad-services = "{ $typed }" is not a list of services: use all, or codes from { $codes } separated by commas.
engineer-bad-chats = "{ $typed }" is not a chat: use platform:chat (discord:<user id>, telegram:<chat id>, console:engineer) separated by commas, dm (a direct message) or none.
engineer-taken = There is already an engineer called { $name }, or { $identity } is another engineer's.
engineer-last-owner = { $name } is the studio's only owner: make someone else an owner first.
engineer-hours-not-yours = You can change your own hours only; the studio's and other engineers' are the owner's.
engineer-not-yours = { $ref } is { $name }'s booking: only they or an owner can do that.
discord-cmd-engineer = Owner: the studio's engineers (services, alerts, owners)
discord-cmd-engineer-list = List the engineers: services, hours, alerts, open bookings
discord-cmd-engineer-add = Add an engineer
discord-cmd-engineer-name = The engineer's name (as artists see it)
discord-cmd-engineer-identity = discord:<user id>, telegram:<user id> or console
discord-cmd-engineer-services = all, or service codes separated by commas
discord-cmd-engineer-chats = Where their alerts go: platform:chat separated by commas, dm or none
discord-cmd-engineer-set-services = Change the services an engineer takes
discord-cmd-engineer-set-chats = Change where an engineer's alerts go
discord-cmd-engineer-owner = Make an engineer an owner, or not
discord-cmd-engineer-yes = yes or no
discord-cmd-engineer-remove = Remove an engineer (no new bookings; theirs stay theirs)
discord-cmd-engineer-restore = Bring a removed engineer back
discord-cmd-availability-engineer = Whose hours: an engineer's name (default: the studio's)
discord-cmd-queue-engineer = Whose bookings: a name, mine or all (default: all for owners, yours otherwise)
desk-engineer-list-title = Engineers:
desk-engineer-line = • { $name }{ $marks } — services: { $services } · hours: { $hours } · alerts: { $chats } · on: { $identities } · open bookings: { $open }
desk-engineer-owner-mark = owner
desk-engineer-removed-mark = removed
desk-engineer-all-services = all
desk-engineer-studio-hours = the studio's
desk-engineer-own-hours = their own
desk-engineer-owner-chats = the studio's alert chats
desk-engineer-no-chats = the owners' chats
desk-engineer-added = Added { $name } ({ $identity }): they take { $services } and work the studio's hours until they set their own ({ $command }).
desk-engineer-services-set = { $name } now takes { $services }.
desk-engineer-chats-set = { $name }'s alerts now go to { $chats }.
desk-engineer-owner-set = { $owner ->
        [yes] { $name } is now an owner.
       *[no] { $name } is no longer an owner.
    }
desk-engineer-removed = { $name } takes no new bookings and can no longer use the engineer's commands; their { $open } open bookings stay theirs (move one to someone else with { $command }).
desk-engineer-restored = { $name } is back and takes bookings again.
desk-hours-of = Hours of { $name }:
desk-hours-of-studio = (the studio's, until they add their own)
desk-queue-of = Showing { $name }'s bookings (all of them: { $command }).
desk-queue-engineer = · { $name }
book-ask-engineer = Who would you like to work with?
book-engineer-any = Any engineer (first free)
book-choose-engineer = Please pick an engineer with the buttons.
book-check-engineer = • With { $name }
discord-cmd-booking-assign = Owner: give a booking to another engineer
discord-cmd-booking-engineer = The engineer's name
desk-booking-assigned = { $ref } is now { $name }'s{ $moved ->
        [yes] {""}; their calendar holds its time.
       *[no] {""}.
    }
desk-booking-assign-busy = { $name } is not free for { $ref } at its time (outside their hours or taken): move the session first, or pick someone else.
desk-booking-assign-closed = { $ref } is { $status }: there is nothing left to hand over.
web-dashboard-of = { $name }'s bookings
web-dashboard-of-everyone = Everyone's bookings
web-dashboard-mine = Mine
web-dashboard-everyone = Everyone's
engineer-feed-not-yours = You can have your own calendar feed only; the studio's and other engineers' are the owner's.
discord-cmd-calendar-engineer = Whose: mine, an engineer's name, or studio (default: yours)
desk-calendar-link-of = { $name }'s sessions as a calendar feed (subscribe to this link in your calendar app; keep it private): { $url }
desk-calendar-renewed-of = A new calendar link for { $name }'s sessions; the old one no longer works: { $url }
web-dashboard-engineers = Engineers
web-dashboard-engineer = with { $name }
web-dashboard-assign = Give to
web-engineer-facts = Hours: { $hours } · on: { $identities } · open bookings: { $open }
web-engineer-save = Save
web-engineer-services = Services
web-engineer-chats = Alerts to
web-engineer-make-owner = Make owner
web-engineer-not-owner = No longer owner
web-engineer-remove = Remove
web-engineer-restore = Bring back
web-engineer-add = Add an engineer
web-engineer-name = Name
web-engineer-identity = Identity
web-engineer-add-how = Identity: discord:<user id> or telegram:<user id>. Services: all, or { $codes } separated by commas. Alerts to: platform:chat separated by commas, dm (a direct message, the default) or none (the owners hear for them). Their own hours: /availability add … engineer:NAME.
web-engineer-now = Takes { $services } · alerts to { $chats }
alert-booking-assigned = 🔁 { $ref } ({ $client }) is now { $name }’s (it was { $from }’s).
engineer-reserved-name = "{ $name }" is a word the commands read as a choice ({ $words }): please pick another name.
engineer-queue-not-yours = You can see your own bookings only; everyone's and other engineers' are the owner's.
engineer-identity-taken = { $identity } is already an engineer's.
engineer-identity-not-theirs = { $name } is not known as { $identity }.
discord-cmd-engineer-link = Another account an engineer is known by (their Telegram beside their Discord)
discord-cmd-engineer-unlink = An account an engineer is no longer known by
desk-engineer-identities = { $name } is known as: { $identities }.
