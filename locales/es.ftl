# Todo lo que mixdesk dice en el chat, en español. Las mismas claves y variables que en.ftl
# (una prueba lo comprueba); los valores con formato propio llegan como texto.
# Los números eligen la forma del plural ({ $count -> [one] … *[other] … }).

## El diálogo: comandos, botones, ayuda

welcome-new = ¡Bienvenido/a a { $studio }, { $name }!
welcome-back = ¡Hola de nuevo, { $name }!
welcome-what-we-do = Mezclamos (envías las pistas y recibes la mezcla, el instrumental y el a cappella) y masterizamos (envías una mezcla estéreo y recibes los másteres listos para publicar).
welcome-time-zone = Tu zona horaria es { $zone } (/timezone para cambiarla).
help-title = Esto es lo que puedo hacer:
help-book = reservar mezcla o máster: servicio, tipo de sesión, día y hora
help-mybookings = tus reservas
help-status = en qué punto están tus reservas y qué viene después
help-reschedule = mover una sesión a otra hora
help-cancel = cancelar una reserva (mientras respondes una pregunta: dejarla)
help-upload = enviar tu mezcla o tus pistas para una reserva
help-uploadlink = un enlace web privado para archivos grandes (se reanuda si se corta)
help-revise = pedir cambios en una entrega, p. ej. /revise más fuerte
help-stems = tus pistas y sus papeles (voz o instrumento, y cuál); cambiar uno
help-timezone = ver o cambiar tu zona horaria, p. ej. /timezone America/Mexico_City
help-format = formato de entrega: { $formats }
help-language = el idioma en que te escribo: /language es, /language en o /language auto (el de tu aplicación)
help-help = esta lista
usage-release = [REF] ARTISTA - TÍTULO [ISRC] [AÑO]
usage-revise = [REF] [CAMBIOS]
usage-stems = [N PAPEL]
usage-timezone = [ZONA]
usage-format = [FORMATO]
unknown-command = No conozco /{ $command }. /help muestra lo que puedo hacer.
unknown-command-meant = No conozco /{ $command }. ¿Querías decir /{ $meant }? /help muestra lo que puedo hacer.
not-understood = No te he entendido. /book reserva una sesión, /mybookings muestra las tuyas, /help lista todo lo que puedo hacer.
choose-number = {$count ->
    [one] Aquí hay 1 opción: escribe 1
   *[other] Aquí hay { $count } opciones: escribe un número del 1 al { $count }
} o /cancel para parar.
already-answered = Eso ya estaba respondido (quizá una doble pulsación); no se ha hecho nada dos veces.
flow-set-aside = (He dejado aparte tu /{ $flow } sin terminar.)
dialog-gone = Esa conversación ya no está disponible. /help muestra lo que puedo hacer.
dialog-stopped = He parado /{ $flow }; no se ha cambiado nada.
nothing-to-stop = No hay nada que parar.
button-stale = Ese botón pertenece a un mensaje anterior o ya se usó, así que lo he ignorado.
button-stale-where-we-are =
    Aquí es donde estamos:
    { $prompt }
database-busy = El estudio está muy ocupado ahora mismo y no he podido guardarlo. No se ha cambiado nada; inténtalo de nuevo en un momento.
unexpected-error = Lo siento, algo ha fallado por nuestra parte (error { $id }). No se ha perdido nada de lo que enviaste; inténtalo de nuevo en un momento.

## Ajustes

format-ask = ¿En qué formato quieres tus archivos terminados?
format-set = Hecho: tus archivos llegarán en { $format }.
format-words = { $container } a { $bits } bits{ $float ->
    [yes] {" "}en coma flotante
   *[no] {""}
}
timezone-show = Tu zona horaria es { $zone }. Para cambiarla: /timezone Europe/Madrid (cualquier zona IANA).
timezone-set = Hecho: las horas se muestran ahora en { $zone } (allí son las { $time }).
language-name = Español
# The language named inside a sentence (Spanish writes it in lower case there).
language-name-in-text = español
language-show = Te escribo en { $language }. Para cambiarlo: { $choices }.
language-set = Hecho: a partir de ahora te escribo en { $language }.
language-auto = Hecho: vuelvo a seguir el idioma de tu aplicación ({ $language } por ahora).
unknown-language = Todavía no hablo «{ $typed }». Elige uno de: { $languages }.

## Reservas y estado

mybookings-none = Aún no tienes reservas. /book crea una.
mybookings-title = Tus reservas:
mybookings-earlier = Anteriores:
mybookings-past = { $ref } — { $service }, { $status }
status-nothing = No tienes nada en curso. /book crea una reserva; /mybookings muestra las anteriores.
status-next-requested = Esperando a que el ingeniero la confirme.
status-next-in-progress = El ingeniero está trabajando en { $result ->
    [mix] tu mezcla
   *[master] tu máster
}.
status-next-revision-requested = Tus notas de revisión están con el ingeniero.
status-next-delivered = Entregada. Escúchala y pide una revisión si hay algo que cambiar.
status-revisions = Revisiones: { $used ->
    [one] 1 pedida
   *[other] { $used } pedidas
}, { $free ->
    [one] 1 gratis restante
   *[other] { $free } gratis restantes
} (después { $price } cada una).
status-latest-delivery = Última entrega: versión { $version }

## Subidas en el chat

upload-how-console = Escribe /upload seguido de la ruta del archivo en este ordenador, p. ej. /upload ~/Música/mezcla.wav (añade la referencia de la reserva si tienes varias), o /uploadlink para una página web privada.
upload-how-chat = Envía el archivo aquí como documento (no como mensaje de voz) y lo guardaré con tu reserva. Para archivos grandes, /uploadlink te da una página web privada.
upload-what-to-send = WAV, AIFF, FLAC o MP3; una mezcla estéreo para el máster, pistas (un archivo por instrumento o voz, todas desde el compás 1) para la mezcla.
upload-send-the-file = Envía aquí el propio archivo como documento; una ruta solo tiene sentido en el ordenador del estudio.
upload-link =
    Tu enlace privado de subida para { $ref }, válido hasta { $until }:
    { $url }
    Ábrelo en un navegador y elige tus archivos; los archivos grandes continúan donde se quedaron si se corta la conexión. Es solo tuyo: no lo compartas.
upload-link-button = Subir archivos

## Pistas

stem-role-set = { $file } es ahora { $role }.
stems-none = { $ref } aún no tiene pistas. Envíalas aquí (un archivo por instrumento o voz, todas desde el compás 1), o un zip con ellas.
stems-title = Pistas de { $ref }:
stems-how = Las voces (principal y coros) forman el a cappella; todo lo demás, el instrumental. Para cambiar una: /stems NÚMERO PAPEL, p. ej. /stems 2 backing-vocal. Papeles: { $roles }.

## Descripción de una reserva (en /mybookings, /status y las confirmaciones)

booking-title = { $ref } — { $service }, sesión { $kind }
booking-title-unattended = { $ref } — { $service }, sin asistencia (sin hora fija)
booking-when = Cuándo: { $when }
booking-due = Entrega antes del: { $date }
booking-due-queue = Entrega antes del: { $date } (número { $position } en la cola sin asistencia)
booking-price = Precio: { $price } · { $revisions } revisiones gratis
booking-status = Estado: { $status }
when-studio-time = { $when } — { $studioTime } en el estudio

## /book

book-no-such-service = Ese servicio ya no se ofrece. Empieza de nuevo con /book.
book-ask-service = ¿Qué podemos hacer por ti?
book-service-line = • { $service } — desde { $price }: { $description }
book-service-button = { $service } — { $price }
book-ask-kind = { $service }. ¿Cómo quieres la sesión?
book-kind-line = • { $kind } — { $price }: { $blurb }
book-kind-button = { $kind } — { $price }
book-kind-again = Vuelve a elegir el tipo de sesión con /book.
book-check = Revisa tu reserva:
book-check-service = • { $service }, sesión { $kind }
book-check-unattended = • Sin hora fija: trabajamos en ella en los huecos del estudio, entregada antes del { $date }
book-check-time = • { $when }, { $hours } h
book-check-price = • Precio: { $price }, con { $revisions } revisiones gratis (después { $revisionPrice } cada una)
book-confirm-button = ✅ Confirmar la reserva
book-stop-button = ✖ Parar
book-unknown-service = «{ $wanted }» no es uno de nuestros servicios. Elige: { $codes } — o simplemente /book.
book-choose-service = Elige uno de los servicios.
book-choose-kind = Elige standard, virtual o unattended.
book-confirm-or-stop = Confirma o para.
book-stopped = Parado. No se ha reservado nada. /book empieza de nuevo.
book-booked = ¡Reservado! Tu referencia es { $ref }.
next-title = Lo que viene ahora:
next-files-master = envía tu mezcla estéreo (WAV, AIFF o FLAC; a 24 bits si la tienes; sin limitador en el bus máster)
next-files-mix = envía tus pistas (un archivo por instrumento y voz, todas desde el compás 1, con la misma frecuencia de muestreo)
next-engineer-confirms = • El ingeniero confirma tu reserva; te aviso en cuanto lo haga.
next-unattended-master = • { $files }; el máster empieza en cuanto llegue{ $confirmed ->
    [yes] {""}
   *[no] {" "}(una vez confirmada la reserva)
}.
next-unattended = • { $files }; empezamos en el siguiente hueco libre del estudio.
next-files-in = • Tus archivos ya están aquí (se movieron con la reserva): no hace falta enviarlos otra vez antes del { $when }.
next-before = • Antes del { $when }, { $files }.
next-virtual = • 24 horas y 1 hora antes de la sesión recibes un código de SonoBus y un enlace para escuchar en directo.
next-standard = • Ven al estudio unos minutos antes de empezar.
next-change = • /mybookings muestra tus reservas; /reschedule o /cancel cambian esta.

## Elegir día y hora

calendar-full = Ahora mismo no hay horas libres en el calendario del estudio. Vuelve a intentarlo más tarde o elige una sesión sin asistencia.
calendar-earlier = ‹ Fechas anteriores
calendar-later = Fechas posteriores ›
calendar-ask-day =
    ¿Qué día? (horas en { $zone }; /timezone para cambiarla)
    También puedes escribir una fecha como { $example }.
calendar-unreadable = «{ $typed }» no es una fecha que pueda leer. Elige uno de los días ofrecidos o escribe una como 2026-12-24.
calendar-past = El { $day } de { $year } ya ha pasado. Elige un día a partir de hoy.
calendar-too-far = Aceptamos reservas con hasta { $days } días de antelación (hasta el { $last }). Elige un día anterior.
calendar-day-full = No hay horas libres el { $day }. Elige otro día.
calendar-ask-time = Horas de inicio libres el { $day } ({ $zone }):
calendar-other-days = ‹ Otros días
calendar-pick-time-typed = Elige una de las horas mostradas (o escríbela tal como aparece, p. ej. 10:00).
calendar-pick-time = Elige una de las horas mostradas.

## /cancel y /reschedule

change-unattended = sin asistencia
change-none-to-cancel = No tienes reservas que aún se puedan cancelar. /mybookings las muestra todas.
change-none-to-move = No tienes sesiones programadas que aún se puedan mover. /mybookings muestra tus reservas.
change-which-to-cancel = ¿Qué reserva quieres cancelar?
change-which-to-move = ¿Qué reserva quieres cambiar de hora?
cancel-ask =
    ¿Cancelar esta reserva?

    { $booking }
cancel-yes = Sí, cancélala
cancel-no = No, mantenla
answer-yes-or-no = Responde sí o no.
cancel-kept = He mantenido { $ref }; no ha cambiado nada.
cancel-done-slot = He cancelado { $ref }. Su hora vuelve a estar libre para otros.
cancel-done-queue = He cancelado { $ref }. Ha salido de la cola sin asistencia.
move-intro = Moviendo { $ref } ({ $service }, ahora { $when }).
move-unattended = { $ref } es un trabajo sin asistencia y sin hora fija, así que no hay nada que mover.
move-too-late = { $ref } está { $status }, así que ya no se puede mover.
move-no-time = { $ref } no tiene una hora fija que mover.
move-ask = ¿Mover { $ref } al { $when }?
move-yes = ✅ Moverla
move-no = ✖ Mantener la hora anterior
move-kept = He mantenido { $ref } a su hora anterior.
move-done = Movida. { $ref } se sustituye por { $newRef }:

## /revise

revise-match-reference = Igualar mi referencia
revise-free-left = Te { $count ->
        [one] queda { $count } revisión gratis
       *[other] quedan { $count } revisiones gratis
    }.
revise-paid-next = Ya usaste tus revisiones gratis; otra cuesta { $price }.
revise-how-master = Elige un cambio rápido o escribe lo que quieres distinto (p. ej. «más fuerte y un poco más cálido», «target -12 LUFS»).
revise-how-mix = Escribe tus notas para el ingeniero (qué cambiar, con los tiempos de la canción donde ayude).
revise-ask = Revisión de { $ref } ({ $service }). { $allowance }
revise-say-what = Dime qué cambiar, p. ej. «más fuerte» o «más cálido».
revise-cost-paid = { $price }, que se cobra solo cuando se entrega la nueva versión
revise-cost-free = gratis; { $count ->
    [0] después no quedan revisiones gratis
    [one] después queda 1 revisión gratis
   *[other] después quedan { $count } revisiones gratis
}
revise-noted = Revisión { $number } de { $ref } anotada ({ $cost }). Tus notas necesitan al ingeniero, que ya las tiene y enviará aquí la nueva versión.
revise-started = Revisión { $number } de { $ref } en marcha ({ $cost }): { $what }. Preparo ahora la versión { $version }; llegará aquí cuando esté lista (/status muestra cuánto falta).
revise-ask-paid = { $reason } ¿Sigo adelante? Solo se cobra cuando se entrega una nueva versión para ella.
revise-paid-yes = Sí, revisar por { $price }
revise-paid-no = No
revise-nothing = Ahora mismo no tienes nada entregado esperando comentarios. /status muestra en qué punto están tus reservas.
revise-which = ¿Qué reserva hay que revisar?
revise-pick-or-write = Elige un cambio o escribe tus notas.
revise-declined = No se ha hecho ninguna revisión; no se ha cobrado nada.

## Servicios, tipos de sesión y estados de una reserva

service-mix = Mezcla
service-mix-description = Sube tus pistas; recibe la mezcla con voz, el instrumental y el a cappella.
service-master = Máster
service-master-description = Sube tu mezcla estéreo; recibe los másteres listos para publicar.
service-mix-master = Mezcla + máster
service-mix-master-description = Entran pistas, salen la mezcla con voz masterizada, el instrumental y el a cappella.

kind-standard = Estándar
kind-standard-blurb = asistes a la sesión en persona en el estudio
kind-virtual = Virtual
kind-virtual-blurb = escuchas en remoto por SonoBus; recibes un código antes de la sesión
kind-unattended = Sin asistencia
kind-unattended-blurb = la opción económica: trabajamos en ella en los huecos del estudio, sin hora fija, entregada antes de una fecha
status-requested = solicitada (esperando la confirmación del ingeniero)
status-awaiting-payment = esperando el depósito (el horario se reserva hasta que se pague)
status-confirmed = confirmada
status-awaiting-files = confirmada, esperando tus archivos
status-files-in = confirmada, { $files ->
    [stems] tus pistas ya están aquí
   *[mix] tu mezcla ya está aquí
}
status-files-in-engineer = confirmada, archivos recibidos
status-awaiting-files-engineer = confirmada, esperando los archivos del artista
status-in-progress = en curso
status-delivered = entregada
status-revision-requested = revisión solicitada
status-completed = completada
status-cancelled = cancelada
status-rescheduled = movida a otra hora
status-requested-files-in = solicitada (esperando la confirmación del ingeniero); tus archivos ya están aquí
status-waiting-for-files = confirmada, esperando { $files ->
    [stems] tus pistas
   *[mix] tu mezcla
}
status-in-review = hecha, el ingeniero la está revisando
status-awaiting-payment-engineer = esperando el depósito del artista
status-requested-engineer = solicitada, esperando tu confirmación
status-requested-files-in-engineer = solicitada, archivos recibidos, esperando tu confirmación
status-files-in-running-engineer = confirmada, archivos recibidos; el motor está haciendo una versión
status-files-in-starting-point-engineer = confirmada, archivos recibidos; el punto de partida está listo para la sesión
status-running-engineer = { $status }; el motor está haciendo una versión
status-review-engineer = una versión espera tu revisión
status-next-requested-files-in = Tus archivos ya están aquí; el trabajo empieza cuando el ingeniero confirme.
status-next-send-before-session = Siguiente paso: envía { $files ->
    [stems] tus pistas
   *[mix] tu mezcla
} antes de la sesión.
status-next-send-master-now = Siguiente paso: envía tu mezcla; el mastering empieza en cuanto llegue.
status-next-send-downtime = Siguiente paso: envía tus pistas; el ingeniero las mezcla en los huecos del estudio y entrega la mezcla antes de la fecha prevista.
status-next-master-starts = Tu mezcla ya está aquí; el mastering empieza ahora y el máster te llega aquí.
status-next-downtime = Tus pistas ya están aquí; el ingeniero las mezcla en los huecos del estudio y entrega la mezcla antes de la fecha prevista.
status-next-engineer-works = { $files ->
    [stems] Tus pistas ya están aquí; el ingeniero trabaja en ellas
   *[mix] Tu mezcla ya está aquí; el ingeniero trabaja en ella
} y te envía aquí { $result ->
    [mix] la mezcla
   *[master] el máster
}.
status-next-running = Se está haciendo una nueva versión de { $result ->
    [mix] tu mezcla
   *[master] tu máster
}; te llega aquí cuando esté lista.
cannot-confirm = La reserva { $ref } está { $status }, así que ahora no se puede confirmar.
cannot-cancel = La reserva { $ref } está { $status }, así que ahora no se puede cancelar.
cannot-reschedule = La reserva { $ref } está { $status }, así que ahora no se puede cambiar de hora.
cannot-deliver = La reserva { $ref } está { $status }, así que ahora no se puede entregar.
cannot-revise = La reserva { $ref } está { $status }, así que ahora no se puede revisar.
cannot-start = La reserva { $ref } está { $status }, así que ahora no se puede empezar.
cannot-complete = La reserva { $ref } está { $status }, así que ahora no se puede completar.
cannot-open-for-files = La reserva { $ref } está { $status }, así que ahora no se puede abrir para recibir archivos.
cannot-change = La reserva { $ref } está { $status }, así que ahora no puede pasar a «{ $to }».

## Normas de reserva

slot-taken = Lo siento, alguien acaba de coger esa hora. Elige otra.
no-such-service = «{ $code }» no es uno de nuestros servicios ({ $codes }).
choose-a-time = Elige una hora para la sesión.
time-in-past = Esa hora ya ha pasado. Elige una de la lista.
time-not-open = Esa hora no está abierta a reservas (fuera del horario del estudio, demasiado pronto o demasiado lejos). Elige una de la lista.
booking-changed-meanwhile = La reserva { $ref } cambió mientras la mirabas; consulta /status.
booking-nothing-to-move = La reserva { $ref } es un trabajo sin asistencia y sin hora fija, así que no hay nada que mover.
no-such-booking = No existe esa reserva.
not-your-booking = No tienes ninguna reserva { $ref }. /mybookings muestra las tuyas.
unknown-time-zone = «{ $zone }» no es una zona horaria que conozca. Usa un nombre como Europe/Madrid, America/Mexico_City o Asia/Tokyo.
unknown-format = «{ $format }» no es un formato de entrega. Elige uno de: { $formats }.

## Recibir archivos

booking-takes-no-files = La reserva { $ref } está { $status } y ya no admite archivos.
no-booking-for-files = No tienes ninguna reserva esperando archivos. /book crea una; después envía tus archivos.
which-booking-for-files = Tienes { $count } reservas que admiten archivos ({ $refs }): indica para cuál es el archivo.
upload-is-folder = { $file }: es una carpeta, no un archivo.
upload-not-found = { $file }: no encuentro ese archivo.
upload-too-big = { $file } ocupa { $size }; el archivo más grande que admite el estudio es de { $max }.
upload-disk-full = El almacenamiento del estudio está casi lleno, así que ahora no se puede aceptar { $file }. No se ha guardado nada; el ingeniero ya lo sabe. Vuelve a intentarlo más tarde.
skip-disk-full = el almacenamiento del estudio está casi lleno
alert-disk-full = El disco de { $dir } está casi lleno ({ $free } libres): se rechazan las subidas hasta que haya sitio. Libera espacio (las subidas antiguas se borran con mixdesk retention).
storage-full = El almacenamiento del estudio está lleno ahora mismo, así que no pude guardarlo. No se ha cambiado nada; el ingeniero ya lo sabe. Vuelve a intentarlo más tarde.
upload-over-quota = { $file } ({ $size }) haría que { $ref } superase su espacio de { $quota } ({ $used } ya guardados o en camino). No se ha guardado nada; pide más espacio al estudio si lo necesitas.
upload-too-many-under-way = Este enlace ya tiene { $count } subidas en curso. Deja que terminen (o espera un rato) antes de enviar más; un zip con tus pistas cuenta como una.
upload-size-unknown = Empieza la subida indicando su tamaño (esta página y las herramientas de subida habituales lo hacen).
upload-not-audio = { $file }: { $problem }. No se ha guardado nada; envía WAV, AIFF, FLAC o MP3.
audio-problem-other = el archivo no se puede leer ({ $detail })
audio-problem-empty = el archivo está vacío
audio-problem-not-audio = no es un archivo de audio que podamos leer (WAV, AIFF, FLAC o MP3)
audio-problem-no-audio = el archivo no contiene audio
audio-problem-truncated = el archivo está cortado: le falta parte del audio (quizá la exportación o la transferencia no terminó)
audio-problem-damaged = el audio está dañado y no se puede decodificar
audio-problem-compressed-aiff = el AIFF-C comprimido no está soportado; exporta AIFF sin comprimir o WAV
audio-problem-too-long = dura { $length }; el estudio acepta archivos de hasta { $limit }
audio-problem-too-short = es demasiado corto para masterizar ({ $ms } ms; hace falta al menos { $seconds } s)
audio-problem-silent = está en silencio (o casi): no hay nada que masterizar
audio-problem-longer-than = dura más de { $limit }, lo máximo que acepta el estudio
audio-problem-unsupported-rate = su frecuencia de muestreo ({ $hz } Hz) está fuera de lo que lee el estudio (de 8 a 384 kHz)
audio-problem-unsupported-channels = tiene { $channels } canales; el estudio lee de 1 a 32
audio-problem-unsupported-encoding = su codificación no es una que lea el estudio; exporta WAV PCM (16, 24 o 32 bits, o coma flotante de 32 bits), AIFF o FLAC
audio-problem-no-stems-readable = no se pudo leer ninguna de las pistas, así que no hay nada que mezclar
audio-problem-no-stems = no hay pistas guardadas para esta reserva
audio-problem-no-mix = no hay ninguna mezcla guardada para esta reserva
audio-problem-unopenable = no se pudo abrir el archivo
upload-silent = { $file } está en silencio (o casi): no hay nada que masterizar. No se ha guardado nada; revisa la exportación.
upload-too-short = { $file } dura solo { $ms } ms: demasiado corto para masterizarlo. No se ha guardado nada; revisa la exportación.
stem-role-unknown = «{ $role }» no es un papel de pista; usa uno de { $roles }.
stem-number-range = Elige un número de pista del 1 al { $count } (/stems las muestra).
stems-none-yet = Esta reserva aún no tiene pistas.
upload-links-off = Los enlaces de subida no están disponibles ahora mismo (el servidor web del estudio está apagado). Envía el archivo aquí o pregunta al estudio.
warn-clips = satura en { $count } { $count ->
        [one] punto
       *[other] puntos
    } (el primero a los { $at } s); si puedes, expórtalo unos dB más bajo
warn-mp3 = es un MP3 (con pérdida); una exportación en WAV, AIFF o FLAC da mejor resultado
warn-low-rate = su frecuencia de muestreo es { $rate } Hz; se espera 44,1 kHz o más
warn-dc = tiene un desplazamiento de continua (DC); el estudio lo elimina
warn-mono-mix = es mono; un máster se hace normalmente a partir de una mezcla estéreo
warn-limited = parece ya limitado; para el máster, una mezcla sin limitador en el bus máster deja más margen
warn-out-of-phase = izquierda y derecha están en gran parte en contrafase (correlación { $correlation }); puede que un lado tenga la polaridad invertida
warn-leading-silence = empieza con { $seconds } s de silencio
warn-trailing-silence = termina con { $seconds } s de silencio
warn-mostly-silent = solo { $sound } s de sus { $total } s tienen sonido, el resto es silencio: ¿es el archivo correcto o se cortó la exportación?
warn-stem-rate = su frecuencia de muestreo ({ $rate } Hz) es distinta de la de tus otras pistas ({ $others } Hz); se convertirán
warn-stem-length = su duración ({ $seconds } s) es distinta de la de tus otras pistas ({ $longest } s); todas deben empezar en el compás 1 — las más cortas se rellenan, no se cortan

## Archivos comprimidos (zip)

zip-unsafe-path = { $file } contiene un archivo con una ruta peligrosa ({ $detail }); no se ha guardado nada de él.
zip-unreadable = { $file } no es un zip que pueda leer ({ $detail }); no se ha guardado nada de él.
zip-too-many = { $file } tiene { $count } entradas; se admiten como mucho { $max }.
zip-too-large = { $file } ocuparía { $mb } MB al descomprimirlo, más de los { $max } MB admitidos; no se ha guardado nada de él.
zip-bomb = { $file } parece una bomba zip ({ $entry } comprime { $ratio }:1); no se ha guardado nada de él.
zip-failed = { $file } no se ha podido descomprimir ({ $detail }); no se ha guardado nada de él.
zip-skip-link = un enlace, no un archivo
zip-skip-not-audio = no es un archivo de audio
zip-skip-too-large = más de { $max } MB
zip-skip-same-name = mismo nombre que otro archivo del zip

## El máster automático y otras entregas

master-waits-for-confirm = El máster automático de { $file } empieza en cuanto el estudio confirme { $ref }.
master-starting = Masterizando { $file } ahora; debería tardar { $estimate }. Te enviaré aquí el máster y su informe cuando esté listo; /status muestra cuánto falta.
master-newer-mix = Ahora mismo se está haciendo un máster de tu mezcla anterior. Cuando llegue, /revise masterizará esta mezcla más nueva ({ $file }).
stage-queued = esperando un procesador libre
stage-fetch = recogiendo tus archivos
stage-mix = mezclando las pistas
stage-analyse = analizando
stage-eq = ecualización y graves
stage-compress = compresión
stage-limit = limitando a la sonoridad objetivo
stage-verify = comprobando el resultado
stage-encode = codificando tus archivos
stage-store = guardando los archivos
progress-master = Máster versión { $version }: { $stage }.
progress-master-percent = Máster versión { $version }: { $stage } ({ $percent } %, { $left }).
progress-mixdown = Mezcla versión { $version }: { $stage }.
progress-mixdown-percent = Mezcla versión { $version }: { $stage } ({ $percent } %).
progress-running = ⏳ Máster versión { $version } de { $ref }: { $stage }…
progress-ready = ✅ El máster versión { $version } de { $ref } está listo.
progress-stopped = ⚠️ El máster versión { $version } de { $ref } se ha detenido.
master-ready = Tu máster de { $ref } está listo — versión { $version }.
master-numbers = { $lufs } LUFS integrados, { $dbtp } dBTP de pico real (objetivo { $target } LUFS, techo { $ceiling } dBTP).
master-numbers-missed = { $lufs } LUFS integrados, { $dbtp } dBTP de pico real (objetivo { $target } LUFS, techo { $ceiling } dBTP — no alcanzado del todo, mira las notas).
master-files = { $format }; la imagen muestra la sonoridad y el espectro antes y después.
master-files-preview = { $format }, más un MP3 de escucha para llevar; la imagen muestra la sonoridad y el espectro antes y después.
delivery-note = Nota: { $note }
revise-how-master-examples = /revise (p. ej. /revise más fuerte, /revise más cálido, /revise más pegada)
revise-how-notes = /revise con tus notas
revisions-left = { $count ->
        [one] Te queda { $count } revisión gratis
       *[other] Te quedan { $count } revisiones gratis
    }. ¿Quieres cambios? { $how }.
revisions-used = Ya usaste tus revisiones gratis; /revise sigue funcionando (una revisión más cuesta { $price }).
deliver-nothing-to-deliver = La reserva { $ref } está { $status }; no hay nada a lo que entregar.
deliver-attach = Adjunta al menos un archivo para entregar.
deliver-not-audio = No se puede entregar { $file }: { $problem }. No se ha enviado nada al artista.
desk-deliver-help = Enviar al artista tus propios archivos terminados como la siguiente versión (lo que hace /deliver en Discord)
desk-deliver-usage = Uso: { $usage }
desk-deliver-no-file = { $file } no es un archivo aquí; no se ha entregado nada.
render-master = máster
render-full = mezcla completa
render-instrumental = instrumental
render-acappella = a cappella
engineer-delivery-ready = Tu { $service } de { $ref } está listo — versión { $version }: { $what }.
engineer-delivery-note = Del ingeniero: { $note }
alert-version-resumed = La versión { $version } de { $ref } quedó sin terminar: su trabajo acabó sin completarla ({ $reason }) y no se pudo registrar el fallo. Se está haciendo de nuevo (intento { $attempt } de { $of }).
master-failed = Lo siento — el máster de { $ref } (versión { $version }) no se ha podido terminar{ $reason }. No se ha perdido nada: tus archivos están a salvo, y el ingeniero está avisado y te responderá.
master-failed-alert = El máster v{ $version } de { $ref } ha fallado tras { $attempts } intentos: { $error }
alert = 🔔 { $text }

## Mezclas (completa, instrumental, a cappella)

mixdown-no-stems-service = { $ref } es { $service }: no hay pistas que mezclar.
mixdown-no-stems-yet = { $ref } aún no tiene pistas.
mixdown-confirm-first = { $ref } está { $status }; confírmala primero.
mixdown-file-name = { $ref } - { $render } v{ $version }
mixdown-file-name-mastered = { $ref } - { $render } (máster) v{ $version }
mixdown-left-out = { $stem } se ha dejado fuera: { $reason }.
mixdown-note-stem-resampled = { $stem } estaba a { $fromHz } Hz y se ha convertido a { $toHz } Hz.
mixdown-note-stem-silent = { $stem } está en silencio.
mixdown-note-stem-padded = { $stem } dura { $seconds } s menos que la pista más larga; se ha completado con silencio, sin cortar nada.
mixdown-note-no-vocals = Ninguna pista está marcada como voz, así que no hay versión a cappella.
mixdown-note-no-instruments = Todas las pistas están marcadas como voz, así que no hay instrumental.
mixdown-skip-empty = está vacía (sin audio)
mixdown-skip-channels = tiene { $channels } canales; las pistas deben ser mono o estéreo
mixdown-ready = Tus mezclas de { $ref } están listas — versión { $version }: { $renders }.
mixdown-ready-mastered = Tus mezclas (masterizadas) de { $ref } están listas — versión { $version }: { $renders }.
mixdown-from = A partir de { $count } { $count ->
        [one] pista
       *[other] pistas
    }, { $seconds } s.
mixdown-failed = Lo siento — las mezclas de { $ref } (versión { $version }) no se han podido generar{ $reason }. Tus pistas están a salvo; el ingeniero está avisado.
mixdown-failed-alert = La mezcla v{ $version } de { $ref } ha fallado tras { $attempts } intentos: { $error }

## Revisiones

adjust-louder = Más fuerte
adjust-quieter = Más suave
adjust-brighter = Más brillante
adjust-warmer = Más cálido
adjust-more-punch = Más pegada
adjust-less-punch = Menos pegada
adjust-more-bass = Más graves
adjust-less-bass = Menos graves
adjust-target = objetivo { $lufs } LUFS
target-out-of-range = Un objetivo de { $lufs } LUFS está fuera de lo que masteriza el estudio (de -30 a -5 LUFS).
revisions-all-used = Ya usaste tus { $count } revisiones gratis de { $ref }; otra cuesta { $price }.
revise-not-delivered = La reserva { $ref } está { $status }; se puede pedir una revisión cuando esté entregada.
revise-no-reference = Esta reserva aún no tiene pista de referencia. Envía una primero (un archivo con «reference» en el nombre) y vuelve a pedirlo.
revision-alert = Revisión { $number } ({ $cost }) de { $ref } ({ $service }){ $notes } — { $next }
revision-alert-paid = de pago, { $price }
revision-alert-free = gratis
revision-alert-notes = : «{ $notes }»
revision-alert-automatic = nuevo máster automático en marcha.
revision-alert-waiting = te espera.

## Recordatorios de sesión y códigos

in-minutes = dentro de { $count } { $count ->
        [one] minuto
       *[other] minutos
    }
in-hours = dentro de { $count } horas
in-days = dentro de { $count } días
reminder-head = Recordatorio: tu sesión de { $service } { $ref } es { $until }, el { $when }.
reminder-in-person = Te esperamos en el estudio. Trae tus archivos si aún no los has enviado (/upload).
reminder-sonobus = Escucharás en remoto con SonoBus (gratis: https://sonobus.net). Tu código privado de la sesión:
keycode-group = Grupo: { $group }
keycode-password = Contraseña: { $password }
reminder-sonobus-how = Abre el enlace en el ordenador con el que vas a escuchar, o escribe el grupo y la contraseña en SonoBus (Connect → Group). Usa auriculares; el estudio empieza la emisión a la hora de la sesión.
keycode-private = El código es solo tuyo para esta sesión: no lo compartas.
sonobus-join-button = Unirse a la sesión en SonoBus

## La mesa del ingeniero (comandos de barra de Discord)

desk-not-a-time = «{ $typed }» no es una hora; usa HH:MM, p. ej. 10:00.
desk-stem-role-set = { $ref }: { $file } es ahora { $role }.
desk-stems-title = Pistas de { $ref } ({ $client }):
desk-mixing-down = Mezclando { $ref } como versión { $version } (balance { $balance }); irá al artista cuando esté lista.
desk-mixing-down-mastered = Mezclando { $ref } como versión { $version } (balance { $balance }, después masterizada); irá al artista cuando esté lista.
desk-no-such-booking = No existe la reserva { $ref }.
desk-sessions = Sesiones de los próximos { $days } días:
desk-no-sessions = No hay sesiones en los próximos { $days } días.
desk-unattended = Trabajo sin asistencia:
desk-no-unattended = No hay trabajo sin asistencia pendiente.
desk-due = entrega { $date }
desk-confirmed-artist = Buenas noticias: el estudio ha confirmado { $ref } ({ $service }). { $files ->
    [in] Tus archivos ya están aquí: no hace falta enviar nada más.
   *[none] Envía tus archivos cuando los tengas (/upload).
}
desk-confirmed-artist-time = Buenas noticias: el estudio ha confirmado { $ref } ({ $service }, { $when }). { $files ->
    [in] Tus archivos ya están aquí: no hace falta enviar nada más.
   *[none] Envía tus archivos cuando los tengas (/upload).
}
desk-confirmed-mastering = { $ref } confirmada; su mezcla ya estaba aquí, así que el máster automático ha empezado.
desk-confirmed = { $ref } confirmada; { $client } está avisado/a.
desk-declined-artist = Lo siento — el estudio no puede aceptar { $ref } ({ $service }). No se cobra nada. /book busca otra hora.
desk-declined-artist-reason = Lo siento — el estudio no puede aceptar { $ref } ({ $service }): { $reason } No se cobra nada. /book busca otra hora.
desk-declined = { $ref } rechazada; { $client } está avisado/a.
desk-not-a-start = «{ $typed }» no es una hora; usa AAAA-MM-DD HH:MM en la hora del estudio ({ $zone }).
desk-moved-artist = El estudio ha movido { $ref } al { $when }; su nueva referencia es { $newRef }. Los recordatorios se mueven con ella.
desk-moved = { $ref } movida al { $when } (nueva referencia { $newRef }); el artista está avisado.
desk-no-session-unattended = { $ref } es un trabajo sin asistencia: no hay sesión que empezar.
desk-session-not-confirmed = { $ref } está { $status }; la sesión puede empezar cuando esté confirmada.
session-starting-in-person = Tu sesión { $ref } empieza ahora — ¡nos vemos en el estudio!
desk-session-started-in-person = Sesión { $ref } empezada (en persona).
session-starting-virtual = Tu sesión { $ref } empieza ahora. Únete en SonoBus:
keycode-private-short = El código es solo tuyo: no lo compartas.
desk-session-started = Sesión { $ref } empezada; { $client } tiene el código.
desk-session-not-running = { $ref } está { $status }; solo puede terminar una sesión en marcha.
session-ended-artist = ¡Gracias por la sesión { $ref }! Tus archivos llegarán aquí en cuanto estén generados.
desk-session-ended = Sesión { $ref } terminada; entrega los archivos con /deliver cuando estén listos.
desk-no-mix = { $ref } aún no tiene una mezcla estéreo que masterizar.
desk-settings-preset-only = sus propios ajustes
desk-next-to-artist = irá al artista cuando esté lista.
desk-next-held-session = queda retenida para la sesión e irá al artista cuando la envíes (al terminar la sesión, o después).
desk-next-held-review = espera tu revisión e irá al artista cuando la envíes.
setting-ceiling = Techo { $db } dBTP
desk-mastering = Masterizando { $ref } como versión { $version } con el preset { $preset } ({ $settings }); { $next }
desk-no-open-revision = { $ref } no tiene ninguna revisión abierta.
revision-resolved-artist = Tu revisión { $number } de { $ref } está resuelta.
revision-resolved-artist-note = Tu revisión { $number } de { $ref } está resuelta: { $note }
desk-revision-resolved = Revisión { $number } de { $ref } resuelta.
announce-title = Sesiones libres en { $studio } en los próximos { $days } días ({ $zone }):
announce-service = • { $service }: { $times }
announce-fully-booked = completo
announce-how = Reserva con /book — en un mensaje privado conmigo o aquí (solo tú ves tu reserva).
desk-client-query-short = Escribe al menos dos caracteres de un nombre, usuario o referencia.
desk-no-client = Ningún cliente coincide con «{ $query }».
desk-client = { $name } ({ $identities }; { $zone }; archivos en { $format })
desk-engineer-action = { $when } · { $who } · /{ $action } · { $outcome }
desk-weekly-hours = Horario semanal ({ $zone }):
desk-weekly-hours-config = Horario semanal: el de la configuración (STUDIO_HOURS); añade una regla para fijarlo aquí.
desk-dates = Fechas:
desk-date-closed = cerrado
desk-no-dates = No hay fechas bloqueadas ni cambiadas.
desk-not-a-weekday = «{ $typed }» no es un día de la semana (mon … sun).
desk-end-before-start = El final debe ser posterior al inicio.
desk-hours-added = Abierto los { $day } de { $from } a { $to } cada semana.
desk-not-a-date = «{ $typed }» no es una fecha; usa AAAA-MM-DD.
desk-date-blocked = Cerrado el { $date }; ninguna reserva nueva puede ocuparlo (las que ya hay se quedan: muévelas con /booking reschedule).
desk-hours-cleared = { $count ->
        [one] Eliminada { $count } regla semanal
       *[other] Eliminadas { $count } reglas semanales
    }; vuelve a aplicarse el horario de la configuración.
desk-balance-auto = auto (niveles según el papel)
desk-balance-flat = plano (tal como llegaron)
desk-session-your-side =
    Tu lado: grupo de SonoBus { $group }, contraseña { $password }
    { $link }
desk-help-title = Los comandos del ingeniero (mixdesk desk COMANDO …; en Discord, los mismos como comandos de barra):
desk-unknown-command = «{ $typed }» no es un comando del ingeniero: { $commands }.
desk-unknown-action = /{ $command } admite uno de: { $actions } (no «{ $typed }»).
desk-arg-missing = /{ $command } necesita { $arg }: { $description }.
desk-arg-unknown = /{ $command } no admite «{ $typed }». Uso: { $usage }
desk-arg-not-a-number = /{ $command }: { $arg } debe ser un número, no «{ $typed }».
desk-arg-out-of-range = /{ $command }: { $arg } debe estar entre { $min } y { $max }, no { $typed }.
desk-arg-not-a-choice = /{ $command }: { $arg } debe ser uno de { $choices }, no «{ $typed }».

## Cómo se describe un archivo recibido

upload-duplicate = Ya tengo { $file } para { $ref } (recibido el { $when }); no se ha guardado nada nuevo.
upload-received = He recibido { $file } para { $ref } ({ $service }) como { $as }.
upload-as-stem = una pista ({ $role }; /stems para cambiarlo)
upload-as-mix = tu mezcla
upload-as-reference = una pista de referencia
upload-mono = mono
upload-stereo = estéreo
upload-channels = { $count } canales
upload-bit-depth = { $bits } bits,
upload-format = { $container }, { $khz } kHz, { $depth }{ $channels }, { $duration }, { $size }
upload-loudness = Sonoridad { $lufs } LUFS, pico real { $dbtp } dBTP
upload-stored = Guardado a salvo (suma de control { $checksum }…).
upload-worth-knowing = Conviene saber:
upload-status-hint = /status muestra en qué punto está tu reserva.
archive-received = De { $archive }: { $count } { $count ->
        [one] archivo recibido
       *[other] archivos recibidos
    }.
archive-received-for = De { $archive }: { $count } { $count ->
        [one] archivo recibido
       *[other] archivos recibidos
    } para { $ref }.
archive-received-again = De { $archive }: { $count } { $count ->
        [one] archivo recibido
       *[other] archivos recibidos
    }, { $again } ya los tenía.
archive-received-for-again = De { $archive }: { $count } { $count ->
        [one] archivo recibido
       *[other] archivos recibidos
    } para { $ref }, { $again } ya los tenía.
archive-skipped = Omitidos:
skip-too-big = demasiado grande ({ $size }; el límite es { $max })
skip-too-short = dura solo { $ms } ms: demasiado corto para masterizarlo
skip-silent = en silencio (o casi): nada que masterizar
skip-over-quota = haría que { $ref } superase su espacio de { $quota }

## Telegram

telegram-replied-privately = 📬 { $name }, te he respondido en un chat privado para que tus reservas y archivos sigan siendo privados.
telegram-open-private-chat = { $name }, las reservas, los enlaces y los archivos son privados, así que respondo en un chat privado — pero aún no has abierto uno conmigo. Abre t.me/{ $bot }, pulsa Iniciar y vuelve a preguntar.
telegram-file-too-big-for-chat = { $file } ocupa { $size } MB; Telegram deja que los bots descarguen archivos de hasta 20 MB. Usa mejor tu enlace privado de subida:
telegram-voice-not-accepted = Los mensajes de voz están demasiado comprimidos para mezclar o masterizar. Envía tu archivo como documento (📎 → Archivo), sin comprimir.
telegram-photo-not-accepted = Eso es una imagen. Envía el audio como archivo (📎 → Archivo): WAV, AIFF, FLAC o MP3.
telegram-file-download-failed = No he podido descargar { $file } de Telegram ahora mismo. No se ha guardado nada; envíalo de nuevo en un momento.
telegram-file-as-link = { $file } ({ $size } MB) es más grande de lo que Telegram me deja enviar; descárgalo aquí: { $url }
telegram-sending-failed = Lo siento, algo ha fallado por nuestra parte. No se ha perdido nada de lo que enviaste; inténtalo de nuevo en un momento.
telegram-menu-book = Reservar mezcla o máster
telegram-menu-mybookings = Tus reservas
telegram-menu-status = En qué punto están tus reservas
telegram-menu-upload = Enviar tu mezcla o tus pistas
telegram-menu-uploadlink = Un enlace privado para archivos grandes
telegram-menu-revise = Pedir cambios en una entrega
telegram-menu-stems = Tus pistas y sus papeles
telegram-menu-format = Formato de entrega
telegram-menu-reschedule = Mover una sesión
telegram-menu-cancel = Cancelar una reserva
telegram-menu-timezone = Tu zona horaria
telegram-menu-language = Tu idioma
telegram-menu-help = Lo que puedo hacer

## Discord

discord-no-dms = No puedo enviarte mensajes directos (tu configuración de privacidad los bloquea). Permite los mensajes directos de miembros del servidor o usa /status aquí para recibir tus archivos.
discord-file-too-large = Ese archivo es más grande de lo que Discord permite aquí; te enviaré un enlace de descarga.
discord-too-slow = Ha tardado demasiado en responder; inténtalo de nuevo.
discord-refused = Discord ha rechazado la petición; inténtalo de nuevo en un momento.
discord-engineers-only = /{ $command } es para los ingenieros del estudio.
discord-your-answer = Tu respuesta
discord-type-answer = ✍️ Escribir una respuesta
discord-choose = Elige…
discord-done = Hecho.
discord-link = { $label }: { $url }
discord-file-as-link = { $file } es demasiado grande para adjuntarlo aquí; descárgalo: { $url }
discord-file-as-link-size = { $file } ({ $size } MB) es demasiado grande para adjuntarlo aquí; descárgalo: { $url }
discord-link-unavailable = (enlace no disponible)
download-link-unavailable = (enlace de descarga no disponible ahora mismo: pregunta al estudio)
discord-fetch-failed = No he podido descargar { $file } de Discord ahora mismo. No se ha guardado nada; inténtalo de nuevo en un momento.
discord-setup-servers-only = /setup es para servidores; úsalo en el servidor que quieras configurar.
discord-setup-admins-only = Solo los administradores de este servidor (Gestionar servidor) pueden cambiar su configuración del estudio.
discord-setup-title = Configuración del estudio para este servidor:
discord-setup-engineer-role = • Rol de ingeniero: { $role }
discord-setup-no-engineer-role = sin definir (aquí se rechazan los comandos de ingeniero)
discord-setup-engineer-role-studio-only = El acceso de ingeniero pertenece al estudio: se da en el servidor del propio estudio (o en su configuración), nunca en la de otro servidor. No se ha cambiado nada.
discord-setup-community-engineers = • Comandos de ingeniero: solo los ingenieros del estudio (definidos en el servidor del propio estudio)
discord-setup-announcements = • Anuncios: { $channel }
discord-setup-no-announcements = ninguno
discord-setup-language = • Idioma: { $language }
discord-stemroles-both = Indica un número de pista y un papel para cambiar una, o ninguno de los dos para listarlas.
discord-announce-servers-only = /announce publica en un servidor; úsalo allí.
discord-announce-no-channel = Este servidor aún no tiene canal de anuncios: un administrador puede elegirlo con /setup announce_channel.
discord-announced = He publicado las horas libres en { $channel }.
discord-deliver-attach = Adjunta al menos un archivo (full, instrumental, acappella o master).
discord-deliver-fetch-failed = No he podido descargar { $file } de Discord; no se ha entregado nada. Inténtalo de nuevo.
discord-delivered = Entregada la versión { $version } de { $ref } ({ $files }); le llega al artista en privado.

## El chat de consola

console-start-hint = Escribe /book para reservar una sesión.
console-header = { $studio } — chat de consola como «{ $user }». /help lista los comandos, los números eligen opciones, /quit sale.
console-resume = Estábamos a mitad de algo:
console-to = [para { $who }]
console-the-engineer = el ingeniero
console-picture = imagen
console-file = archivo
console-bye = Adiós.

## Las páginas de subida y descarga

web-upload-title = Subida — { $ref }
web-upload-heading = { $studio }: archivos para { $ref }
web-upload-what-stems = { $service } — envía tus pistas (un archivo por instrumento o voz, todas desde el compás 1), o un zip con ellas.
web-upload-what-mix = { $service } — envía tu mezcla estéreo.
web-upload-what-reference = { $service } — envía tu pista de referencia.
web-upload-formats = WAV, AIFF, FLAC o MP3, hasta { $maxMb } MB cada uno. Si se corta la conexión, vuelve a elegir el mismo archivo: continúa donde se quedó.
web-upload-private = Este enlace es privado y funciona hasta el { $expires }.
web-upload-choose = Elegir archivos
web-upload-waiting = esperando…
web-upload-uploading = subiendo…
web-upload-refused = no aceptado
web-upload-accepted = aceptado ✓
web-refused-title = Enlace no válido
web-no-file-name = Falta el nombre del archivo.
web-no-such-upload = No existe esa subida.
web-upload-refused-chat = No se pudo aceptar tu subida { $file }: { $problem }
web-not-stored = El archivo ha llegado pero no se ha podido guardar; inténtalo de nuevo en un momento.
web-download-invalid = Este enlace de descarga no es válido o ha caducado. Pide uno nuevo en tu chat con el estudio.
web-download-gone = Este archivo ya no está guardado. Pide al estudio que lo envíe de nuevo.
web-body-too-large = Es más de lo que admite esta página (como mucho { $kb } KB). No se ha cambiado nada.
web-failed = Algo ha fallado por nuestra parte; inténtalo de nuevo.
link-invalid = Este enlace de subida no es válido. Pide uno nuevo en tu chat con el estudio.
link-withdrawn = Este enlace de subida se ha retirado. Pide uno nuevo en tu chat con el estudio.
link-expired = Este enlace de subida ha caducado. Pide uno nuevo en tu chat con el estudio.

## Comandos de barra de Discord (descripciones del selector de comandos; 100 caracteres como mucho)

discord-option-booking = La reserva
discord-cmd-announce = Ingeniero: publicar las horas libres en el canal de anuncios del servidor
discord-cmd-announce-days = Cuántos días por delante (7 por defecto)
discord-cmd-availability = Ingeniero: horario de apertura y fechas cerradas
discord-cmd-availability-show = Ver el horario semanal y los cambios por fecha
discord-cmd-availability-add = Abrir el estudio un día de la semana, todas las semanas
discord-cmd-availability-weekday = mon … sun
discord-cmd-availability-from = HH:MM
discord-cmd-availability-to = HH:MM
discord-cmd-availability-block = Cerrar el estudio en una fecha
discord-cmd-availability-date = AAAA-MM-DD
discord-cmd-availability-note = Por qué (para ti)
discord-cmd-availability-reset = Quitar las reglas semanales (vuelve el horario configurado)
discord-cmd-book = Reservar mezcla o máster: servicio, tipo de sesión, día y hora
discord-cmd-book-service = mix, master o mix-master
discord-cmd-booking-reference = La reserva, p. ej. MD-7K2Q9A
discord-cmd-booking = Ingeniero: confirmar, rechazar o mover una reserva
discord-cmd-booking-confirm = Confirmar una reserva solicitada
discord-cmd-booking-decline = Rechazar una reserva
discord-cmd-booking-reason = Se le dice al artista
discord-cmd-booking-reschedule = Mover una sesión
discord-cmd-booking-start = AAAA-MM-DD HH:MM, hora del estudio
discord-cmd-cancel = Cancelar una reserva
discord-cmd-cancel-reference = Una referencia de reserva
discord-cmd-client = Ingeniero: clientes
discord-cmd-client-lookup = Buscar un cliente por nombre, usuario o referencia de reserva
discord-cmd-client-query = Nombre, usuario o MD-…
discord-cmd-deliver = Ingeniero: enviar archivos terminados al artista como la siguiente versión
discord-cmd-deliver-full = Mezcla completa
discord-cmd-deliver-instrumental = Instrumental
discord-cmd-deliver-acappella = A cappella
discord-cmd-deliver-master = Máster
discord-cmd-deliver-note = Una nota para el artista
discord-cmd-format = Formato de entrega: { $formats }
discord-cmd-format-format = { $formats }
discord-cmd-help = Lo que puede hacer el bot del estudio
discord-cmd-master = Ingeniero: masterizar la mezcla de una reserva (el artista recibe una versión nueva)
discord-cmd-master-preset = Preajuste de sonoridad
discord-cmd-master-target = LUFS objetivo (-30 … -5)
discord-cmd-master-ceiling = Techo de pico real en dBTP (-10 … 0)
discord-cmd-master-intensity = Intensidad de ecualización y compresión 0 … 1
discord-cmd-mixdown = Ingeniero: generar mezcla completa, instrumental y a cappella a partir de las pistas
discord-cmd-mixdown-balance = Balance de partida
discord-cmd-mybookings = Tus reservas
discord-cmd-queue = Ingeniero: próximas sesiones y trabajo sin asistencia
discord-cmd-queue-days = Cuántos días por delante (14 por defecto)
discord-cmd-reschedule = Mover una sesión a otra hora
discord-cmd-reschedule-reference = Una referencia de reserva
discord-cmd-revise = Pedir cambios en una entrega (p. ej. más fuerte, más cálido)
discord-cmd-revise-changes = Referencia de la reserva y/o qué cambiar
discord-cmd-revision = Ingeniero: revisiones
discord-cmd-revision-resolve = Dar por resuelta la revisión abierta (si hay archivos nuevos, usa /deliver)
discord-cmd-revision-note = Se le dice al artista
discord-cmd-session = Ingeniero: empezar o terminar una sesión
discord-cmd-session-start = Empezar (virtual: envía al artista el código de SonoBus)
discord-cmd-session-end = Terminar la sesión
discord-cmd-setup = Administradores: el rol de ingeniero, el canal de anuncios, el idioma
discord-cmd-setup-engineer_role = Los miembros con este rol usan aquí los comandos de ingeniero del estudio
discord-cmd-setup-announce_channel = Anuncios públicos (horas libres); nada privado va allí
discord-cmd-setup-language = Idioma de los anuncios de este servidor
discord-cmd-status = En qué punto están tus reservas y los trabajos en curso
discord-cmd-status-reference = Una referencia de reserva, p. ej. MD-7K2Q9A
discord-cmd-stemroles = Ingeniero: las pistas de una reserva y sus papeles; cambiar uno
discord-cmd-stemroles-number = El número de la pista (según la lista)
discord-cmd-stemroles-role = Su papel
discord-cmd-stems = Tus pistas y sus papeles (voz o instrumento); cambiar uno
discord-cmd-stems-change = NÚMERO PAPEL, p. ej. 2 backing-vocal
discord-cmd-timezone = Ver o cambiar tu zona horaria
discord-cmd-timezone-zone = Una zona IANA, p. ej. Europe/Madrid
discord-cmd-language = Ver o elegir el idioma en que te escribe el estudio
discord-cmd-language-language = en, es o auto (el idioma de tu Discord)
discord-file-too-big-for-chat = { $file } ocupa { $size } MB, más de lo que Discord pasa aquí a los bots; usa mejor tu enlace privado de subida:
discord-cmd-upload = Enviar tu mezcla o tus pistas para una reserva (archivos grandes: un enlace privado)
discord-cmd-upload-file = WAV, AIFF, FLAC, MP3 o un zip de pistas
discord-cmd-upload-reference = La reserva, si tienes varias
discord-cmd-uploadlink = Un enlace web privado para archivos grandes (se reanuda si se corta)
discord-cmd-uploadlink-reference = Una referencia de reserva

## Held versions: an attended session's starting point, versions the engineer reviews
desk-confirmed-preparing = { $ref } confirmada; su mezcla ya estaba aquí, así que se prepara el punto de partida de la sesión (no se envía al artista; mira /version list { $ref }).
master-for-session = El ingeniero lo prepara para tu sesión del { $when }; el máster se hace contigo en la sesión y te llega aquí durante o después de ella.
progress-review = ✅ El máster versión { $version } de { $ref } está hecho; el ingeniero lo escucha antes de que te llegue.
version-facts-master = { $lufs } LUFS, { $dbtp } dBTP
version-held-session-alert = { $ref } v{ $version } está preparada para la sesión ({ $facts }). Escúchala con { $list }; entrégala con { $end } o { $deliver }.
version-held-review-alert = { $ref } v{ $version } espera tu revisión ({ $facts }). Escúchala con { $list }; apruébala con { $deliver }{ $on ->
    [discord] , repítela con { $master } o envía tus propios archivos con /deliver.
   *[other] {" "}o repítela con { $master }.
}
version-not-held = La versión { $version } de { $ref } no está pendiente de entrega (mira /version list { $ref }).
version-state-ready = entregada
version-state-held-session = preparada para la sesión
version-state-held-review = espera tu revisión
version-state-preparing = en preparación
version-state-failed = fallida
version-state-set-aside = descartada
status-next-session-prepared = Tus archivos han llegado. El ingeniero los prepara para tu sesión del { $when }; { $result ->
    [mix] la mezcla
   *[master] el máster
} te llega aquí durante o después de ella.
status-next-review = La versión { $version } está hecha y el ingeniero la está revisando; te llegará aquí en cuanto la apruebe.
desk-review-title = Versiones que esperan tu revisión:
desk-review-line = { $ref } v{ $version } · { $client } · { $facts }
desk-review-how = Escucha con /version list REF; aprueba con /version deliver REF o repite con /master REF.
desk-notes-title = Notas de revisión que te esperan:
desk-notes-line = { $ref } revisión { $number } · { $client } · { $when }: «{ $notes }»
desk-notes-how = Entrega con /deliver o /master REF, o ciérrala con /revision resolve REF.
desk-no-versions = { $ref } aún no tiene versiones.
desk-versions-title = Versiones de { $ref } ({ $client }):
desk-version-by-engineer = tus archivos
desk-version-mixdown = mezcla de las pistas
desk-version-master = máster automático { $settings }
desk-version-source = de { $file }
desk-versions-held-how = Entrega una versión retenida con /version deliver { $ref } [versión]; las demás quedan descartadas.
desk-nothing-held = { $ref } no tiene ninguna versión pendiente de entrega.
desk-version-delivered = { $ref } v{ $version } enviada a { $client }.
desk-session-ended-delivered = Sesión { $ref } terminada; v{ $version } enviada a { $client }.
desk-session-ended-held = Sesión { $ref } terminada. Preparado y aún sin enviar:
discord-cmd-version = Ingeniero: las versiones de una reserva y el envío de una retenida
discord-cmd-version-list = Cada versión: cómo se hizo, su origen, en qué punto está (enlaces a las retenidas)
discord-cmd-version-deliver = Enviar al artista una versión retenida (la más reciente si no indicas otra)
discord-cmd-version-number = Número de versión (la retenida más reciente si se omite)
discord-cmd-session-end-deliver = Enviar ya la versión preparada en la sesión
desk-choice-deliver-newest = Enviar la versión preparada más reciente
desk-choice-deliver-later = Todavía no (entregar después)
revise-rest-to-engineer = El resto de tus notas necesita al ingeniero, que ya las tiene; la revisión sigue abierta hasta que las atienda.
revise-same-as-version = Eso dejaría { $ref } exactamente como la versión { $version } (mismos ajustes, misma mezcla), así que no se ha usado ninguna revisión ni se ha cobrado nada; /status tiene sus archivos. Escribe qué más te gustaría (el ingeniero lee tus notas).
revision-alert-automatic-and-notes = nuevo máster automático en marcha para los cambios rápidos; el resto de las notas te espera.
desk-master-same = La versión { $version } de { $ref } ya se hizo con estos ajustes a partir de la misma mezcla; elige otros ajustes o entrégala con /version deliver.

## A corrected mix or stems after delivery
new-source-ask-mix = ¿Uso esta nueva mezcla para la próxima versión de { $ref }? Cuenta como revisión { $number } ({ $cost }). La mezcla anterior se queda con la reserva.
new-source-ask-stems = ¿Uso estas nuevas pistas para la próxima versión de { $ref }? Cuenta como revisión { $number } ({ $cost }); la mezcla el ingeniero. Las pistas anteriores se quedan con la reserva.
new-source-paid = { $price }, que se cobra solo cuando se entrega la nueva versión
new-source-yes = Sí, úsala
new-source-yes-paid = Sí, úsala ({ $price })
new-source-settings = La versión { $version } se hizo con estos ajustes: { $settings }. ¿Los mantengo para la nueva mezcla o empiezo otra vez desde los ajustes por defecto del estudio?
new-source-yes-keep = Sí, con los ajustes de la versión { $version }
new-source-yes-keep-paid = Sí, con los ajustes de la versión { $version } ({ $price })
new-source-yes-defaults = Sí, desde los ajustes por defecto
new-source-yes-defaults-paid = Sí, desde los ajustes por defecto ({ $price })
new-source-what-kept = hecha desde { $file }, con los ajustes de la versión { $version }
new-source-what-defaults = hecha desde { $file }, desde los ajustes por defecto
new-source-pick = Elige una opción: la nueva mezcla con los ajustes de la versión { $version }, la nueva mezcla desde los ajustes por defecto, o solo guardar el archivo.
new-source-no = No, solo guárdala
new-source-kept = { $file } queda guardado con { $ref }; nada más ha cambiado. Usa /revise cuando quieras una versión hecha a partir de él.
new-source-notes = Nuevo origen: { $file }
new-source-what = hecha a partir de { $file }
new-source-web = { $ref } ya está entregada: para hacer la próxima versión a partir de este archivo, envía /revise { $ref } en el chat y elige «Usar mi nuevo archivo».
revise-use-new-source = Usar mi nuevo archivo ({ $file })
master-from-new-source = Hecho a partir de tu nueva mezcla, { $file }.

## Progress and time estimates
about-seconds = unos { $count } segundos
about-minutes = { $count ->
    [one] un minuto
   *[other] unos { $count } minutos
}
estimate-measured = { $time }, según los últimos másteres de este estudio
estimate-first-guess = { $time } (una primera estimación: aquí aún no se ha masterizado nada)
progress-left = quedan { $time }
progress-almost-done = casi listo

## The MP3 preview, after the master
preview-ready = 🎧 Una escucha previa en MP3 de la versión { $version } de { $ref }, para escucharla en cualquier parte.
preview-failed-alert = No se ha podido hacer la escucha previa en MP3 de { $ref } v{ $version }: { $error }. El máster sí se entregó.

## Live notes during a session
note-sent = 📝 Enviado al ingeniero ({ $ref }).
note-to-engineer = 📝 { $client } ({ $ref }, sesión en directo): { $text } — responde con { $reply }
note-from-engineer = 📝 Del ingeniero ({ $ref }): { $text }
session-notes-live = Mientras dure la sesión, todo lo que escribas aquí le llega al ingeniero al momento.
desk-reply-no-session = { $ref } no tiene ninguna sesión en marcha: las respuestas llegan al artista durante una sesión en directo (/session start).
desk-reply-empty = Escribe la respuesta después de la referencia.
desk-reply-sent = Enviado a { $client } ({ $ref }).
desk-no-notes = No se escribió ninguna nota en las sesiones de { $ref }.
desk-notes-list-title = Notas escritas en las sesiones de { $ref } ({ $client }):
desk-notes-engineer = ingeniero
discord-cmd-reply = Ingeniero: responder a la nota de un artista durante su sesión
discord-cmd-reply-text = Tu respuesta (llega al chat del propio artista)
discord-cmd-session-notes = Lo que se escribió en las sesiones de la reserva, en ambos sentidos

## Release details in delivered files
help-release = Título, artista, ISRC y año de tus archivos (los llevan dentro y se llaman «Artista - Título (Master).wav»)
telegram-menu-release = Título, artista, ISRC de tus archivos
discord-cmd-release = Título, artista, ISRC y año que llevan tus archivos entregados
discord-cmd-release-details = Artista - Título, y después el ISRC y el año si los tienes
release-set = Datos del lanzamiento de { $ref }: { $release }. Los próximos archivos los llevan y se llaman como «{ $name }».
release-show = Datos del lanzamiento de { $ref }: { $release }. Cámbialos con /release { $ref } Artista - Título ISRC AÑO.
release-none = { $ref } aún no tiene datos de lanzamiento. Dalos así: /release { $ref } Mara - Night Drive GB-ABC-26-00001 2026
release-name-needs-both = (los nombres de archivo siguen «Artista - Título» cuando estén los dos)
release-bad-isrc = { $typed } no es un ISRC: tiene 12 caracteres, como GB-ABC-26-00001 (país, registrante, año, número).
release-no-booking = No tienes ninguna reserva para la que dar datos de lanzamiento. /book crea una.
release-which-booking = ¿Qué reserva? Tienes { $refs }: empieza por su referencia, p. ej. /release MD-… Mara - Night Drive.
note-which-session = Tienes varias sesiones en marcha ({ $refs }): responde con /reply REF para que la nota llegue al artista correcto.

## Estimación de mezcla (/quote, /estimate)
help-quote = cuánto llevará tu mezcla y por qué, medido en tus pistas
telegram-menu-quote = Cuánto llevará tu mezcla
discord-cmd-quote = Cuánto llevará tu mezcla y por qué, según tus pistas
discord-cmd-quote-reference = La referencia de la reserva (opcional)
discord-cmd-estimate = Ingeniero: la estimación de una mezcla y sus cifras; fija las horas
discord-cmd-estimate-hours = Las horas que fijas (0: volver a lo que miden las pistas)
estimate-title = Estimación de mezcla para { $ref }: unas { $hours } h, según lo que miden tus pistas:
estimate-stems = { $count } { $count ->
        [one] pista
       *[other] pistas
    } que preparar y equilibrar
estimate-recorded = { $count } grabadas con micrófono o amplificador (soplido a { $db } dBFS entre frases, donde las partes programadas tienen silencio digital): lo grabado lleva más tiempo
estimate-recorded-drums = { $count } grabadas con micrófono o amplificador, con batería acústica entre ellas (soplido a { $db } dBFS entre frases, donde las partes programadas tienen silencio digital): lo grabado lleva más tiempo
estimate-timing = { $parts }: { $ms } ms fuera de la rejilla de la canción de media; primero, edición de tiempos
estimate-part-drums = la batería
estimate-part-vocals = las voces
estimate-and = { " " }y{ " " }
estimate-line-up = { $count } { $count ->
        [one] pista tiene
       *[other] pistas tienen
    } otra duración ({ $shortest } a { $longest }): primero, alinearlas
estimate-noise = { $count } { $count ->
        [one] pista tiene
       *[other] pistas tienen
    } ruido que limpiar (hasta { $db } dBFS entre frases)
estimate-raw = { $count } { $count ->
        [one] pista sigue
       *[other] pistas siguen
    } en bruto (picos { $db } dB por encima del nivel de media): falta compresión y control
estimate-bounded = (Las mezclas del estudio llevan de { $shortest } a { $longest } horas; la tuya midió { $measured } h.)
estimate-unmeasured = { $count } { $count ->
        [one] pista se guardó
       *[other] pistas se guardaron
    } antes de que el estudio midiera las pistas y { $count ->
        [one] cuenta
       *[other] cuentan
    } solo por número.
estimate-engineer-set = El ingeniero fijó { $hours } h para esta mezcla (tus pistas miden { $measured } h).
estimate-booked = Reservadas: { $hours } h ({ $price }, a { $rate } la hora).
estimate-fixed = El precio sigue siendo { $price }, sean cuantas sean las horas.
estimate-so-far = Estimación de mezcla para { $ref } con { $count ->
        [one] la pista
       *[other] las { $count } pistas
    } hasta ahora: unas { $hours } h. /quote explica por qué.
estimate-none = Aún no hay pistas para { $ref }: envíalas y /quote te dirá cuánto llevará la mezcla y por qué.
estimate-not-mixing = { $ref } es un mastering: su precio no depende de las horas.
estimate-ask-in-chat = Tus pistas miden más horas de las que { $ref } tiene reservadas: usa /quote en el chat para reservarlas o dejarlo en manos del ingeniero.
estimate-set-message = El ingeniero fijó { $hours } h para mezclar { $ref } (tus pistas miden { $measured } h).
estimate-set-more = Son { $more } h más de lo reservado: /quote { $ref } para reservarlas o dejarlo en manos del ingeniero.
mix-time-ask = Tus pistas miden unas { $hours } h de mezcla; { $ref } tiene { $booked } h reservadas. ¿Reservas { $more } h más ({ $price } más, { $total } en total) o lo dejas en manos del ingeniero, que te dirá qué cabe en el tiempo reservado?
mix-time-more = Reservar { $more } h más ({ $price })
mix-time-engineer = Que decida el ingeniero
mix-time-pick = Elige una de las opciones: reservar las horas o dejarlo en manos del ingeniero.
mix-time-left = El ingeniero escuchará tus pistas y te dirá qué cabe en las { $booked } h reservadas.
mix-time-booked = Reservado: { $ref } tiene ahora { $hours } h ({ $total } en total).
mix-time-booked-session = Reservado: { $ref } tiene ahora { $hours } h ({ $total } en total); tu sesión termina el { $end }.
mix-time-nothing-to-book = { $ref } ya tiene las horas que miden sus pistas.
mix-time-enough = { $ref } ya tiene { $hours } h reservadas.
mix-time-studio-closed = El estudio cierra antes de que la sesión de { $ref } pueda durar tanto. El ingeniero ya lo sabe y lo decidirá contigo.
mix-time-taken = Otra persona tiene reservado el tiempo después de la sesión de { $ref }. El ingeniero ya lo sabe y lo decidirá contigo.
alert-mix-time-extended = { $ref } ({ $client }) reservó { $more } h más para la mezcla: ahora { $hours } h ({ $total }).
alert-mix-time-left = { $ref } ({ $client }): las pistas miden { $hours } h de mezcla y hay { $booked } h reservadas; decides tú. { $why } { $estimate } muestra las cifras y fija las horas.
alert-mix-time-no-room = El artista quería reservar las horas, pero el calendario no tiene hueco después de la sesión.
alert-mix-time-session = { $ref } ({ $client }): las pistas miden { $hours } h de mezcla y la sesión dura { $booked } h. { $estimate } muestra las cifras.
desk-estimate-title = { $ref } ({ $client }): las pistas miden { $hours } h de mezcla ({ $unbounded } h antes de los límites de 5 a 15 h).
desk-estimate-share = • { $why }: { $hours } h
desk-estimate-stem = { $n }. { $file } ({ $role }): { $floor }, nivel { $level } dBFS, factor de cresta { $crest } dB, { $onsets } ataques, { $seconds } s
desk-estimate-stem-unmeasured = { $n }. { $file } ({ $role }): sin medir (se guardó antes de que se midieran las pistas)
desk-estimate-floor = soplido a { $db } dBFS entre frases
desk-estimate-floor-digital = silencio digital entre notas
desk-estimate-floor-none = nunca en silencio
desk-estimate-set = Tus horas: { $hours } (fijadas por { $by }).
desk-estimate-booked = Reservadas: { $hours } h ({ $price }).
desk-estimate-how = Fijar las horas: /estimate { $ref } hours:N (0: volver a la estimación de las pistas).
desk-estimate-set-now = { $ref }: { $hours } h fijadas; el artista ya lo sabe.
desk-estimate-reset = { $ref }: de vuelta a la estimación de las pistas; el artista ya lo sabe.
desk-estimate-hours-range = Las horas van de 0,25 a 100.
status-mix-estimate = Mezcla: unas { $hours } h según tus pistas (/quote { $ref } explica por qué).
quote-send-stems = ¿Aún no tienes reserva de mezcla? Envía aquí tus pistas (un zip o los archivos uno a uno) y mediré cuánto llevaría la mezcla y por qué. No se guarda nada: solo las mediciones, para tu reserva.
quote-done-button = Listo
quote-title = Estimación de mezcla de tus { $count } { $count ->
        [one] pista
       *[other] pistas
    }: unas { $hours } h.
quote-price-hourly = A { $rate } la hora, una mezcla reservada ahora se reserva para estas { $hours } h: { $price } (el trabajo sin asistencia, menos).
quote-price-fixed = La mezcla cuesta { $price }, sean cuantas sean las horas.
quote-more = Envía más pistas para añadirlas o reserva con /book.
quote-kept = Tu presupuesto se guarda 30 días: la próxima mezcla que reserves por horas toma sus { $hours } h.
quote-kept-fixed = Tu presupuesto se guarda 30 días, para que el ingeniero planifique tus { $hours } h; la mezcla cuesta { $price } sean cuantas sean las horas. /book mix la reserva.
quote-none = No se midió ninguna pista. Vuelve a usar /quote cuando las tengas.
quote-nothing-measured = No se pudo medir nada de { $file }.
quote-too-many = Un presupuesto admite hasta { $max } pistas.
book-quoted-hours = Reservada para las { $hours } h que midieron tus pistas (/quote).
estimate-so-far-more = Es más de las { $booked } h reservadas: /quote { $ref } para reservar la diferencia o dejarlo en manos del ingeniero.

## Pagos
payment-deposit-item = Depósito de la reserva { $ref }
payment-deposit-ask = Para reservarla, paga el depósito de { $amount } (el { $percent } % del precio) en { $minutes } minutos: { $url }
payment-deposit-paid = Depósito de { $amount } recibido: { $ref } queda reservada. ¡Gracias!
payment-deposit-expired = El depósito de { $ref } no se pagó a tiempo, así que su horario se ha liberado. Vuelve a reservar con /book cuando quieras.
payment-deposit-unavailable = No se pudo abrir la página de pago ahora mismo: { $ref } queda reservada para ti; /status mostrará el enlace cuando esté listo, o pregunta al estudio.
alert-deposit-late = { $ref } ({ $client }) pagó su depósito de { $amount } después de que se liberara su horario: devuélvelo o vuelve a reservar al artista.
alert-payment-page-failed = No se pudo crear la página de depósito de { $ref }: { $problem }. La reserva queda retenida; /status lo vuelve a intentar.
web-payment-done = Gracias: tu pago está en Stripe. El estudio lo confirmará en tu chat en un momento.
web-payment-cancelled = El pago no se hizo. Tu reserva sigue retenida hasta que venza su plazo; el enlace de tu chat sigue funcionando.
cancel-deposit-unpaid = No se ha cobrado nada: el depósito no se pagó y su página de pago se cierra.
cancel-deposit-refunded = Tu depósito de { $amount } se te devolverá a la tarjeta.
cancel-deposit-kept-session = Tu depósito de { $amount } no se devuelve: faltan menos de { $hours } horas para la sesión (las cancelaciones anteriores se reembolsan).
cancel-deposit-kept-work = Tu depósito de { $amount } no se devuelve: el trabajo ya ha empezado.
cancel-refund-done = Reembolsados { $amount }: llegarán a tu tarjeta en 5–10 días.
cancel-refund-pending = El reembolso de { $amount } no se pudo hacer ahora mismo; el estudio ya lo sabe y lo enviará.
alert-refund-failed = No se pudo hacer el reembolso de { $amount } de { $ref } ({ $why }): { $problem }. Reembólsalo a mano (en el panel de Stripe, o en el de tu proveedor de pagos si se pagó por Telegram).
desk-declined-refund = Su depósito se devolvió al artista.
payment-line-paid = { $what ->
    [balance] Saldo
    [revision] Pago de revisión
   *[deposit] Depósito
} de { $amount } pagado el { $date }.
payment-line-paid-receipt = { $what ->
    [balance] Saldo
    [revision] Pago de revisión
   *[deposit] Depósito
} de { $amount } pagado el { $date } (recibo: { $receipt }).
payment-line-waived = { $what ->
    [balance] Saldo
    [revision] Pago de revisión
   *[deposit] Depósito
} de { $amount } condonado por el estudio.
payment-line-refunded = { $what ->
    [balance] Saldo
    [revision] Pago de revisión
   *[deposit] Depósito
} de { $amount } reembolsado.
payment-line-open = { $what ->
    [balance] Saldo
    [revision] Pago de revisión
   *[deposit] Depósito
} de { $amount } aún sin pagar.
payment-line-twice = { $what ->
    [balance] Saldo
    [revision] Pago de revisión
   *[deposit] Depósito
} de { $amount } pagado por segunda vez: el estudio lo reembolsa.
payment-line-twice-refunded = { $what ->
    [balance] Saldo
    [revision] Pago de revisión
   *[deposit] Depósito
} de { $amount } pagado por segunda vez, y reembolsado.
payment-line-revision-owed = Revisión { $number }: { $amount }, a pagar al estudio.
payment-line-due = Queda por pagar: { $amount }.
payment-deposit-waived = El estudio ha condonado el depósito de { $ref }: queda reservada.
discord-cmd-booking-waive = Condonar lo que debe el artista: depósito, saldo o revisión de pago (se le avisa)
desk-waived = { $ref }: depósito condonado; la reserva sigue y el artista ya lo sabe.
desk-nothing-to-waive = { $ref } no tiene ningún pago pendiente.

## Balances, paid revisions, Telegram invoices
revise-pay-first = La revisión { $number } de { $ref } empieza en cuanto se paguen sus { $amount }: { $url }
revise-pay-button = Pagar { $amount }
revise-ask-paid-first = { $reason } ¿Sigo adelante? Se paga primero y empieza en cuanto esté pagada.
revise-cost-prepaid = { $price }, pagada
invoice-title-deposit = Depósito { $ref }
invoice-title-balance = Saldo { $ref }
invoice-title-revision = Revisión { $ref }
invoice-description-deposit = El depósito que reserva { $ref } en el estudio.
invoice-description-balance = El resto del precio de { $ref }: libera los archivos en calidad completa.
invoice-description-revision = Una revisión de { $ref } además de las gratuitas.
payment-no-longer-due = Este pago ya no se debe, y no se ha cobrado nada. /status muestra lo pendiente.
payment-amount-changed = El importe ha cambiado desde esta factura: ahora es { $amount }. Paga la más reciente del chat.
payment-balance-item = Saldo de la reserva { $ref }
payment-revision-item = Revisión de pago de la reserva { $ref }
payment-balance-paid = Recibido el saldo de { $amount } de { $ref }. ¡Gracias!
payment-balance-waived = El estudio ha condonado el saldo de { $ref }.
balance-files-now = Aquí tienes los archivos en calidad completa de { $ref } v{ $version }.
balance-files-after = Los archivos en calidad completa llegan en cuanto se pague el saldo de { $amount }: { $url }
balance-pay-button = Pagar { $amount }
status-files-after-balance = Archivos en calidad completa cuando se pague el saldo de { $amount }: { $url }
alert-payment-refused = No se aceptó un pago de { $ref } ({ $client }): llegaron { $received } por { $via } y se pedían { $asked }. No se ha liquidado nada: reembólsalo o resuélvelo con el artista.
alert-payment-unknown = Llegó un pago de { $received } por { $via } por algo que el estudio no pidió (no es una página hecha por mixdesk). No se ha liquidado nada: revísalo en el proveedor y reembólsalo si no es tuyo.
refund-reason-twice = pagado por segunda vez
payment-twice-refunded = Pagaste { $what ->
    [balance] el saldo
    [revision] la revisión
   *[deposit] el depósito
} de { $ref } dos veces: el segundo pago de { $amount } se reembolsa y llega a tu tarjeta en 5–10 días.
payment-twice-pending = Pagaste { $what ->
    [balance] el saldo
    [revision] la revisión
   *[deposit] el depósito
} de { $ref } dos veces: el estudio ya lo sabe y te reembolsa el segundo pago de { $amount }.
alert-payment-late = { $ref } ({ $client }) pagó { $amount } por algo que ya no se pedía (cancelado o sustituido): reembólsalo o resuélvelo con el artista.
refund-by-provider = se pagó por Telegram (cargo { $charge }), que no permite reembolsarlo desde aquí
refund-reason-cancelled = reserva cancelada
refund-revision-unmade = la revisión se cerró sin una nueva versión
payment-revision-paid = Recibido el pago de { $amount } de { $ref }.
payment-revision-waived = El estudio ha condonado los { $amount } de esta revisión de { $ref }.
payment-revision-unstarted = La revisión de pago de { $ref } no pudo empezar: { $reason } { $refund }
desk-waived-balance = { $ref }: saldo condonado; los archivos en calidad completa ya le llegaron al artista.
desk-waived-revision = { $ref }: revisión de pago condonada; empieza ahora y el artista ya lo sabe.
web-pay-paid = Este pago ya está hecho. ¡Gracias!
web-pay-closed = Este pago ya no se pide. Tu chat con el estudio muestra lo pendiente (/status).
web-pay-unavailable = No se pudo abrir la página de pago ahora mismo. Inténtalo de nuevo en un minuto.
new-source-paid-first = { $price }, que se pagan antes de empezar
alert-revision-start-failed = La revisión de pago de { $ref } no pudo empezar: { $problem }. Se vuelve a intentar cada minuto durante un día; revisa la reserva.

## The listening room
room-link-label = Escuchar y comparar
room-setting-target = Objetivo de sonoridad { $lufs } LUFS
room-setting-bass = Graves { $db } dB
room-setting-treble = Agudos { $db } dB
room-setting-punch = Pegada { $amount }
room-setting-reference = Ajustado a tu referencia
room-report = Informe
room-preview = Vista previa MP3
room-version = Versión { $version }
room-source = Tu mezcla ({ $file })
room-no-such-version = { $ref } no tiene una versión { $version } entregada.
room-cannot-approve = { $ref } no se puede aprobar ahora: solo se aprueba una reserva entregada.
room-approved-chat = Has aprobado la versión { $version } de { $ref }. Gracias — el estudio ya lo sabe.
room-approved-alert = { $client } aprobó la versión { $version } de { $ref } en la página de escucha: la reserva está completa.
room-approved-page = Versión { $version } aprobada. ¡Gracias! El estudio ya lo sabe, y tu chat también.
room-from-page = Desde la página de escucha:
listen-link-invalid = Este enlace de escucha no es válido. Cada mensaje de entrega de tu chat con el estudio lleva uno.
listen-link-withdrawn = Este enlace de escucha se retiró. Cada mensaje de entrega de tu chat con el estudio lleva uno nuevo.
listen-link-expired = Este enlace de escucha ha caducado. Pide uno nuevo en tu chat con el estudio (/status).
web-room-title = Escuchar: { $ref }
web-room-heading = { $studio } — { $ref }
web-room-private = una página privada: quien tenga este enlace puede escuchar, así que guárdalo para ti
web-room-player = Reproductor
web-room-pick = Qué suena en { $side }
web-room-play = Reproducir
web-room-pause = Pausa
web-room-position = Posición
web-room-strip = Sonoridad en el tiempo: la mezcla en gris, el máster en azul
web-room-keys = Teclas: espacio reproduce y pausa, A y B cambian en el mismo instante, las flechas saltan 5 segundos.
web-room-fair = { $db } dB para una comparación justa
web-room-as-is = a su propio nivel (la más baja)
web-room-unmeasured = sonoridad sin medir: suena tal cual
web-room-nothing-yet = Aún no hay nada que escuchar: las versiones aparecen aquí al entregarse.
web-room-versions = Versiones
web-room-made-from = hecha a partir de { $file }
web-room-approved-mark = aprobada
web-room-after-balance = Los archivos en calidad completa llegan cuando se pague el saldo (el enlace está en tu chat).
web-room-approve = Aprobar la versión { $version }
web-room-changes = Pedir cambios
web-room-notes = ¿Qué debería cambiar? (p. ej. un poco más fuerte, la voz demasiado brillante)
web-room-accept-price = Acepto el precio de { $price } por esta revisión
web-room-send-changes = Pedir estos cambios
web-room-sending = Enviando…

## The studio dashboard
discord-cmd-dashboard = Ingeniero: un enlace para entrar al panel del estudio en tu navegador
desk-dashboard-link = Tu enlace para entrar al panel del estudio (vale una vez, durante { $minutes } minutos; no lo compartas): { $url }
web-dashboard-link-bad = Este enlace de acceso ya no es válido (cada uno vale una vez, durante 15 minutos). Pide otro con /dashboard.
web-dashboard-signed-out = No has entrado en el panel del estudio. Pide un enlace de acceso con /dashboard (o mixdesk dashboard-link).
web-dashboard-bad-action = Esa no es una acción que ofrezca el panel.
web-dashboard-title = { $studio } — estudio
web-dashboard-sign-out = Salir
web-dashboard-week = Esta semana ({ $zone })
web-dashboard-waiting = Esperan tu respuesta
web-dashboard-unattended = Trabajo sin asistencia
web-dashboard-held = Versiones que te esperan
web-dashboard-revisions = Notas de revisión
web-dashboard-none = Nada.
web-dashboard-revision = Revisión { $number }
web-dashboard-paid = de pago
web-dashboard-back = Volver a la semana
web-dashboard-confirm = Confirmar
web-dashboard-decline = Rechazar
web-dashboard-reason = Motivo (el artista lo lee)
web-dashboard-master = Masterizar de nuevo
web-dashboard-resolve = Cerrar la revisión { $number }
web-dashboard-versions = Versiones
web-dashboard-deliver = Enviar la v{ $version } al artista
web-dashboard-files = Archivos
web-dashboard-money = Pagos
web-dashboard-history = Historial
web-dashboard-sign-in = Entrar al panel del estudio
web-room-approve-sure = Pulsa otra vez para aprobar la versión { $version }: la reserva queda completa

## Un archivo enviado con varias reservas que admiten archivos
file-for-which = { $file }: tienes { $count } reservas que admiten archivos. ¿Para cuál es?
file-for-booking = { $ref } · { $service } · { $when }
file-for-none = Ninguna (olvidar el archivo)
file-for-forgotten = He olvidado { $file }; no se ha guardado nada.
file-for-pick = Elige una de las { $count } reservas o escribe su referencia (MD-…).
file-for-gone = { $file } esperó demasiado una respuesta y ya no está: envíalo de nuevo.
file-for-replaced = { $file } aún esperaba su reserva; lo he olvidado y pregunto por este archivo en su lugar (envíalo de nuevo después si necesitas los dos).
upload-files-go-to = Los archivos que envíes en los próximos { $minutes } minutos van a { $ref } ({ $service }). Envíalos ahora.

## Noticias de reservas para el ingeniero (ENGINEER_ALERTS)
alert-booking-request = { $paid ->
    [yes] Depósito pagado de la solicitud de reserva { $ref } de { $client }: { $service }, { $when }, { $price }.
   *[no] Nueva solicitud de reserva { $ref } de { $client }: { $service }, { $when }, { $price }.
} Te espera: { $confirm } la confirma, { $decline } la rechaza.
alert-booking-confirmed-auto = { $paid ->
    [yes] Depósito pagado de { $ref } de { $client }: { $service }, { $when }, { $price }; confirmada automáticamente.
   *[no] Nueva reserva { $ref } de { $client }: { $service }, { $when }, { $price }; confirmada automáticamente.
}
alert-booking-awaiting-deposit = Nueva reserva { $ref } de { $client }: { $service }, { $when }, { $price }; retenida hasta que se pague el depósito.
alert-balance-paid = { $client } ha pagado el saldo de { $amount } de { $ref }; se le han enviado los archivos en calidad completa.
alert-revision-paid = { $client } ha pagado { $amount } por una revisión de { $ref }; empieza ahora.
alert-refunded = Se han devuelto { $amount } de { $ref } ({ $why }).
alert-booking-moved = { $client } movió { $was } ({ $service }) de { $from } a { $when }; ahora es { $ref }.
alert-booking-released = { $ref } ({ $client }, { $service }, { $when }) se liberó: el depósito no se pagó a tiempo.
alert-booking-cancelled = { $client } canceló { $ref } ({ $service }, { $when }, { $price }).
alert-cancel-deposit-refunded = Se ha devuelto su depósito de { $amount }.
alert-cancel-deposit-pending = Su depósito de { $amount } no se ha podido devolver ahora: mira el aviso sobre ello.
alert-cancel-deposit-kept = Su depósito de { $amount } se queda (cancelada fuera del plazo de reembolso).
alert-session-files = { $client } envió { $count ->
    [one] un archivo
   *[other] { $count } archivos
} para { $ref } ({ $service }, sesión { $when }): { $files }.
alert-button-confirm = Confirmar
alert-button-decline = Rechazar

## Lo que el motor notó al masterizar
engine-note-dc-removed = Se encontró y eliminó un desplazamiento de continua (DC) de { $dbfs } dBFS.
engine-note-sides-out-of-phase = Izquierda y derecha están casi en contrafase (correlación { $correlation }); puede que un lado tenga la polaridad invertida. El máster lo deja como está: revisa la mezcla.
engine-note-section-out-of-phase = Una sección hacia los { $atSec } s está muy en contrafase (correlación { $correlation }); perderá nivel en mono.
engine-note-vinyl-mono-lows = Para vinilo los graves se pasan a mono por debajo de { $hz } Hz (el torno corta los graves estéreo como movimiento vertical del surco que la aguja quizá no siga). Aquí los graves están { $phase ->
    [out] en contrafase
   *[wide] muy abiertos
} (correlación { $correlation }) y pierden { $loss } dB en mono: revisa el bajo y el bombo en la mezcla.
engine-note-lows-out-of-phase = Los graves (por debajo de { $hz } Hz) están en contrafase entre izquierda y derecha (correlación { $correlation }): en mono perderían { $loss } dB, así que se dejaron en estéreo. Sumados a mono (clubes, móviles) se cancelan: revisa la polaridad del bajo y el bombo en la mezcla.
engine-note-lows-wide = Los graves (por debajo de { $hz } Hz) están muy abiertos (correlación { $correlation }): en mono perderían { $loss } dB, así que se dejaron en estéreo.
engine-note-no-brickwall = Sin limitación a tope: { $lufs } LUFS con { $limiting } dB de limitación como mucho (hasta { $target } LUFS), conservando la dinámica para el corte.
engine-note-limiting-stops-short = Llegar a { $target } LUFS necesitaría unos { $needs } dB más de limitación que los { $limiting } dB permitidos, lo que aplastaría los transitorios; este máster se queda en { $lufs } LUFS. Pide un objetivo más bajo, o una mezcla más comprimida, si tiene que sonar más fuerte.
engine-note-peaks-clipped = Para llegar sin más limitación, un clipper suave recortó los picos más altos hasta { $db } dB ({ $share } % de las muestras, unos milisegundos cada vez).
engine-note-true-peak-over = El pico real de { $dbtp } dBTP supera el techo de { $ceiling } dBTP.
engine-note-target-missed = Quedó en { $lufs } LUFS, a más de 0,3 LU de { $target }.
engine-note-vinyl-bright = Vinilo: los agudos (5–10 kHz) están a { $hf } dB de los medios (200 Hz–2 kHz; por encima de { $limit } dB las sibilantes y los platillos brillantes pueden distorsionar en el acetato): un de-esser o un máster más oscuro cortan mejor.
engine-note-vinyl-phase = Vinilo: izquierda y derecha están en parte en contrafase (correlación { $correlation }, el peor segundo { $worst } a los { $atSec } s): lo que está en contrafase se corta como movimiento vertical del surco que la aguja quizá no siga.
engine-note-loss-huge = más de 40

## The report picture
report-png-title = máster de mixdesk — { $name }
report-png-loudness = Sonoridad
report-png-true-peak = pico real
report-png-target-met = ✓ objetivo de { $lufs } LUFS / { $dbtp } dBTP cumplido
report-png-target-missed = ✗ objetivo de { $lufs } LUFS no alcanzado — mira el informe
report-png-short-term = Sonoridad a corto plazo (LUFS)
report-png-spectrum = Espectro (dB, bandas de tercio de octava)
report-png-before = antes
report-png-after = después

## An artist's data on request (/mydata, /forgetme; client export, client forget)
help-mydata = una copia de todo lo que el estudio guarda sobre ti (te la envío aquí cuando el estudio la prepare)
help-forgetme = pedir al estudio que borre tus datos y archivos
telegram-menu-mydata = Tus datos
telegram-menu-forgetme = Borrar tus datos
discord-cmd-mydata = Una copia de todo lo que el estudio guarda sobre ti
discord-cmd-forgetme = Pedir al estudio que borre tus datos y archivos
privacy-private-chat-only = Pídemelo en un chat privado conmigo: tus datos solo se envían allí.
mydata-asked = Pedido: el estudio preparará una copia de todo lo que guarda sobre ti (reservas, mensajes, pagos y archivos) y te enviará aquí un enlace privado de descarga, en 30 días como mucho y normalmente mucho antes.
forgetme-asked = Pedido: cuando el estudio lo confirme, se borrarán tu nombre, tus cuentas, tus mensajes y tus archivos. Los registros de pago se guardan, sin nombre, como exige la contabilidad del estudio. Te avisaré aquí.
forgetme-asked-open = Pedido. { $refs } sigue abierta: el estudio lo hablará antes contigo (cancélala con /cancel si ya no la quieres) y luego borrará tus datos.
alert-data-export = { $name } pide una copia de sus datos. { $command } la prepara y le envía un enlace privado.
alert-data-forget = { $name } pide que se borren sus datos. { $command } los borra (sus reservas y pagos se quedan, sin nombre, para la contabilidad).
privacy-no-such-client = No hay ningún cliente «{ $typed }»: indica su id (client lookup lo muestra) o una de sus referencias de reserva.
privacy-forget-open = { $name } aún tiene abierta { $refs }: termínala o cancélala antes de borrar.
privacy-export-readme = Todo lo que el estudio guardaba sobre { $name } el { $date }: data.json (tus datos, reservas con su historial, archivos, versiones, revisiones, pagos, notas de sesión, la estimación de mezcla y los mensajes que el estudio te envió), uploads/ (los archivos que enviaste, tal como se guardaron) y versions/ (los archivos que se te entregaron, con sus informes).
privacy-export-ready = Aquí tienes una copia de todo lo que el estudio guarda sobre ti (un zip; el enlace es privado y caduca): { $url }
privacy-export-ready-ask = Ya está lista una copia de todo lo que el estudio guarda sobre ti; el estudio te la enviará directamente.
privacy-forgotten = Hecho: el estudio ha borrado tu nombre, tus cuentas, tus mensajes y tus archivos. Los registros de pago se guardan, sin nombre, para su contabilidad. Si vuelves a escribir, empiezas de cero.
discord-cmd-client-export = Hacer un zip con todo lo de un cliente (y enviárselo si lo pidió)
discord-cmd-client-forget = Borrar los datos personales y archivos de un cliente (reservas y pagos se quedan, sin nombre)
discord-cmd-client-who = Id del cliente o una de sus referencias de reserva (MD-…)
desk-client-exported = Exportación de { $name }: { $bookings } reserva(s), { $files } archivo(s), { $size } MB.{ $sent ->
    [yes] {" "}Enviada al artista en su chat privado.
   *[no] {""}
}
desk-client-exported-where = El zip: { $where }
desk-client-exported-missing = { $count } archivo(s) de los registros ya no estaban guardados (los quitó la retención).
desk-client-forgotten = Borrados los datos personales de { $name } y { $files } archivo(s); se guardan, sin nombre, { $bookings } reserva(s) y sus pagos.

## "Add to calendar" (a session's calendar file, in the artist's zone)
calendar-summary = { $service } en { $studio }
calendar-standard = En el estudio, en persona.
calendar-virtual = Escucha desde casa por SonoBus: el grupo y su contraseña llegan a tu chat antes de la sesión.
calendar-reference = Reserva { $ref }: /status en tu chat muestra en qué punto está.
calendar-add = 📅 Añádela a tu calendario: { $url }
calendar-update = 📅 Actualiza tu calendario (el mismo evento se mueve): { $url }
calendar-remove = 📅 Quítala de tu calendario: { $url }
web-calendar-invalid = Este enlace de calendario no es válido, o su sesión no tiene hora (trabajo sin asistencia). /status en tu chat con el estudio muestra tus reservas.
feed-summary = { $ref } · { $name } · { $service }
feed-standard = En el estudio, con el artista.
feed-virtual = Virtual: el artista escucha por SonoBus (el grupo y la contraseña salen 24 h y 1 h antes; /session start los muestra).
feed-unattended = Trabajo sin asistencia.
discord-cmd-calendar = Ingeniero: el calendario del estudio
discord-cmd-calendar-link = El enlace privado del calendario del estudio (suscríbete desde tu aplicación de calendario)
discord-cmd-calendar-renew = Un enlace nuevo para el calendario; el anterior deja de funcionar
desk-calendar-link = Las sesiones del estudio como calendario (suscríbete a este enlace desde tu aplicación de calendario; mantenlo privado): { $url }
desk-calendar-renewed = Un enlace de calendario nuevo; el anterior ya no funciona: { $url }

## Comentarios en un momento de la música (página de escucha, /revise con tiempos, respuestas del ingeniero)
comment-line = v{ $version } en { $at }: { $text }
comment-say-what = Escribe lo que oyes en ese momento.
comment-too-long = Un comentario puede tener hasta { $max } caracteres.
comment-moment-outside = Ese momento no está dentro de la versión { $version }.
comment-too-many = Esta reserva ya tiene { $max } comentarios, el máximo.
comment-already-sent = El comentario #{ $number } ya se envió al estudio: ya no se puede cambiar.
comment-no-such = { $ref } no tiene comentario #{ $number }.
comment-nothing-to-send = No hay comentarios nuevos que enviar.
comment-alert = 💬 { $ref } { $line } · { $client }, comentario #{ $number }{ $link }
comment-answer-empty = Escribe la respuesta después del número del comentario.
comment-answered-chat = 💬 El estudio respondió a tu comentario sobre { $ref } ({ $line }): { $answer }
comment-state-draft = sin enviar
comment-state-open = abierto
comment-state-resolved = resuelto
comment-in-revision = pedido en una revisión
discord-cmd-comment = Ingeniero: los comentarios del artista en momentos de sus versiones
discord-cmd-comment-list = Lista los comentarios de una reserva con sus momentos
discord-cmd-comment-answer = Responde a un comentario (el artista lo lee en su página y en su chat)
discord-cmd-comment-resolve = Marca un comentario como resuelto
discord-cmd-comment-reopen = Vuelve a abrir un comentario resuelto
discord-option-comment-number = El número del comentario (#3 es 3)
discord-option-comment-text = Tu respuesta
desk-comments-title = Comentarios sobre { $ref } ({ $client }):
desk-comments-none = { $ref } aún no tiene comentarios.
desk-comment-entry = #{ $number } { $line } · { $state }
desk-comment-answer-line = respondido: { $answer }
desk-comment-answered = Tu respuesta al comentario #{ $number } de { $ref } va de camino a { $client }.
desk-comment-resolved = El comentario #{ $number } de { $ref } está resuelto.
desk-comment-reopened = El comentario #{ $number } de { $ref } vuelve a estar abierto.
web-room-comments = Comentarios
web-room-comments-none = Aún no hay comentarios.
web-room-waveform = Forma de onda de lo que suena: haz clic en un momento para comentarlo, arrastra sobre un tramo
web-room-comment-here = Comentar en { $at }
web-room-comment-help = Haz clic en la forma de onda en un momento (o arrastra sobre un tramo) para comentar ahí, o pulsa C mientras escuchas. Los comentarios son tuyos para cambiar hasta que los envíes.
web-room-comment-on = Versión
web-room-comment-from = Desde (m:ss)
web-room-comment-to = Hasta (opcional)
web-room-comment-text = ¿Qué oyes ahí?
web-room-comment-save = Guardar comentario
web-room-comment-cancel = Cancelar
web-room-comment-edit = Editar
web-room-comment-delete = Borrar
web-room-comment-play = Escuchar desde { $at }
web-room-comment-send = Enviar mis comentarios al estudio
web-room-comment-bad-time = Escribe el tiempo como m:ss, por ejemplo 1:23.
web-room-comment-studio = Estudio:
web-room-comments-sent = { $count ->
    [one] Tu comentario ya está con el estudio.
   *[other] Tus { $count } comentarios ya están con el estudio.
}
web-room-changes-gathers = Tus comentarios aún no pedidos van con estos cambios, cada uno en su momento.
web-dashboard-comments = Comentarios en momentos
web-dashboard-comment-answer = Responder
web-dashboard-comment-resolve = Marcar como resuelto
web-dashboard-comment-reopen = Volver a abrir
desk-comments-waiting = Comentarios que esperan tu respuesta:
desk-comments-how = Responde con /comment answer REF NÚMERO, o márcalo como hecho con /comment resolve REF NÚMERO.
booking-no-engineer = Ahora mismo ningún ingeniero hace { $service }. Pregunta al estudio.
booking-engineer-not-offering = Ese ingeniero no hace este servicio (o ya no trabaja aquí). Elige de nuevo.
engineer-unknown = No hay ningún ingeniero llamado «{ $name }» (ingenieros: { $names }).
engineer-owner-only = Solo el dueño del estudio puede hacer eso.
engineer-bad-name = El nombre de un ingeniero es una línea de 1 a { $max } caracteres, sin comas.
engineer-bad-identity = «{ $typed }» no es una identidad: usa discord:<id de usuario>, telegram:<id de usuario> o console.
engineer-bad-services = «{ $typed }» no es una lista de servicios: usa all, o códigos de { $codes } separados por comas.
engineer-bad-chats = «{ $typed }» no es un chat: usa plataforma:chat (discord:<id de usuario>, telegram:<id de chat>, console:engineer) separados por comas, dm (un mensaje directo) o none.
engineer-taken = Ya hay un ingeniero llamado { $name }, o { $identity } es de otro ingeniero.
engineer-last-owner = { $name } es el único dueño del estudio: haz dueño a otra persona primero.
engineer-hours-not-yours = Solo puedes cambiar tu propio horario; el del estudio y el de otros ingenieros son cosa del dueño.
engineer-not-yours = { $ref } es una reserva de { $name }: solo esa persona o un dueño puede hacer eso.
discord-cmd-engineer = Dueño: los ingenieros del estudio (servicios, avisos, dueños)
discord-cmd-engineer-list = Lista de ingenieros: servicios, horario, avisos, reservas abiertas
discord-cmd-engineer-add = Añadir un ingeniero
discord-cmd-engineer-name = El nombre del ingeniero (como lo ven los artistas)
discord-cmd-engineer-identity = discord:<id de usuario>, telegram:<id de usuario> o console
discord-cmd-engineer-services = all, o códigos de servicio separados por comas
discord-cmd-engineer-chats = Adónde van sus avisos: plataforma:chat separados por comas, dm o none
discord-cmd-engineer-set-services = Cambiar los servicios que hace un ingeniero
discord-cmd-engineer-set-chats = Cambiar adónde van los avisos de un ingeniero
discord-cmd-engineer-owner = Hacer dueño a un ingeniero, o dejar de serlo
discord-cmd-engineer-yes = yes o no
discord-cmd-engineer-remove = Dar de baja a un ingeniero (sin reservas nuevas; las suyas siguen siendo suyas)
discord-cmd-engineer-restore = Volver a dar de alta a un ingeniero
discord-cmd-availability-engineer = De quién es el horario: el nombre de un ingeniero (por defecto: el del estudio)
discord-cmd-queue-engineer = De quién son las reservas: un nombre, mine o all (por defecto: all para dueños, las tuyas si no)
desk-engineer-list-title = Ingenieros:
desk-engineer-line = • { $name }{ $marks } — servicios: { $services } · horario: { $hours } · avisos: { $chats } · en: { $identities } · reservas abiertas: { $open }
desk-engineer-owner-mark = dueño
desk-engineer-removed-mark = de baja
desk-engineer-all-services = todos
desk-engineer-studio-hours = el del estudio
desk-engineer-own-hours = el suyo
desk-engineer-owner-chats = los chats de avisos del estudio
desk-engineer-no-chats = los chats de los dueños
desk-engineer-added = { $name } añadido ({ $identity }): hace { $services } y trabaja en el horario del estudio hasta que ponga el suyo ({ $command }).
desk-engineer-services-set = { $name } hace ahora { $services }.
desk-engineer-chats-set = Los avisos de { $name } van ahora a { $chats }.
desk-engineer-owner-set = { $owner ->
        [yes] { $name } es ahora dueño.
       *[no] { $name } ya no es dueño.
    }
desk-engineer-removed = { $name } ya no recibe reservas nuevas ni puede usar los comandos de ingeniero; sus { $open } reservas abiertas siguen siendo suyas (pasa una a otra persona con { $command }).
desk-engineer-restored = { $name } ha vuelto y recibe reservas de nuevo.
desk-hours-of = Horario de { $name }:
desk-hours-of-studio = (el del estudio, hasta que añada el suyo)
desk-queue-of = Reservas de { $name } (todas: { $command }).
desk-queue-engineer = · { $name }
book-ask-engineer = ¿Con quién quieres trabajar?
book-engineer-any = Cualquier ingeniero (el primero libre)
book-choose-engineer = Elige un ingeniero con los botones.
book-check-engineer = • Con { $name }
discord-cmd-booking-assign = Dueño: pasar una reserva a otro ingeniero
discord-cmd-booking-engineer = El nombre del ingeniero
desk-booking-assigned = { $ref } es ahora de { $name }{ $moved ->
        [yes] {""}; su calendario guarda la hora.
       *[no] {""}.
    }
desk-booking-assign-busy = { $name } no está libre para { $ref } a su hora (fuera de su horario u ocupada): mueve antes la sesión o elige a otra persona.
desk-booking-assign-closed = { $ref } está { $status }: ya no queda nada que pasar a otra persona.
web-dashboard-of = Reservas de { $name }
web-dashboard-of-everyone = Las reservas de todos
web-dashboard-mine = Las mías
web-dashboard-everyone = Las de todos
engineer-feed-not-yours = Solo puedes tener tu propio calendario; el del estudio y los de otros ingenieros son cosa del dueño.
discord-cmd-calendar-engineer = De quién: mine, el nombre de un ingeniero, o studio (por defecto: el tuyo)
desk-calendar-link-of = Las sesiones de { $name } como calendario (suscríbete a este enlace desde tu aplicación de calendario; mantenlo privado): { $url }
desk-calendar-renewed-of = Un enlace de calendario nuevo para las sesiones de { $name }; el anterior ya no funciona: { $url }
web-dashboard-engineers = Ingenieros
web-dashboard-engineer = con { $name }
web-dashboard-assign = Pasar a
web-engineer-facts = Horario: { $hours } · en: { $identities } · reservas abiertas: { $open }
web-engineer-save = Guardar
web-engineer-services = Servicios
web-engineer-chats = Avisos a
web-engineer-make-owner = Hacer dueño
web-engineer-not-owner = Dejar de ser dueño
web-engineer-remove = Dar de baja
web-engineer-restore = Dar de alta
web-engineer-add = Añadir un ingeniero
web-engineer-name = Nombre
web-engineer-identity = Identidad
web-engineer-add-how = Identidad: discord:<id de usuario> o telegram:<id de usuario>. Servicios: all, o { $codes } separados por comas. Avisos a: plataforma:chat separados por comas, dm (un mensaje directo, lo normal) o none (los dueños los reciben). Su propio horario: /availability add … engineer:NOMBRE.
web-engineer-now = Hace { $services } · avisos a { $chats }
alert-booking-assigned = 🔁 { $ref } ({ $client }) es ahora de { $name } (era de { $from }).
engineer-reserved-name = «{ $name }» es una palabra que los comandos leen como opción ({ $words }): elige otro nombre.
engineer-queue-not-yours = Solo puedes ver tus propias reservas; las de todos y las de otros ingenieros son cosa del dueño.
engineer-identity-taken = { $identity } ya es de un ingeniero.
engineer-identity-not-theirs = { $name } no tiene la cuenta { $identity }.
discord-cmd-engineer-link = Otra cuenta de un ingeniero (su Telegram además de su Discord)
discord-cmd-engineer-unlink = Una cuenta que un ingeniero ya no usa
desk-engineer-identities = Cuentas de { $name }: { $identities }.
