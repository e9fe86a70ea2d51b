// Los mensajes de ./en.ts en español (mismas claves).
export const screensEs = {
  payout: {
    needs_one: 'Requiere 1 aprobación',
    needs_two: 'Requiere 2 aprobaciones',
    given: '%{given} de %{required} dadas',
    balance_short: 'Saldo insuficiente',
    balance_short_help: 'El saldo disponible del comercio no cubre este pago: la aprobación sería rechazada.',
    needs_two_help: 'Igual o superior al importe de doble aprobación: deben aprobarlo dos administradores distintos.',
    declined_by: 'Rechazado por',
    not_approved: 'Rechazado antes de cualquier aprobación',
    no_approvals_recorded: 'No hay aprobaciones registradas',
    approve_refused_short: 'El saldo disponible no cubre este pago: el servidor rechazaría la aprobación.',
  },
  session: {
    idle: 'Se cerró tu sesión tras un periodo sin actividad. Vuelve a iniciar sesión para seguir donde estabas.',
    expired: 'Tu sesión alcanzó su duración máxima y terminó. Vuelve a iniciar sesión para seguir donde estabas.',
    disabled: 'Tu cuenta está desactivada. Consulta a un administrador.',
    ended: 'Se cerró tu sesión: en otra pestaña o ventana, en otro dispositivo, o porque cambió tu contraseña o tu rol.',
    throttled_seconds: 'Demasiados intentos fallidos. Vuelve a intentarlo en %{smart_count} segundo. |||| Demasiados intentos fallidos. Vuelve a intentarlo en %{smart_count} segundos.',
    throttled_minutes: 'Demasiados intentos fallidos. Vuelve a intentarlo en %{smart_count} minuto. |||| Demasiados intentos fallidos. Vuelve a intentarlo en %{smart_count} minutos.',
    throttled_later: 'Demasiados intentos fallidos. Vuelve a intentarlo más tarde.',
  },
  not_found: {
    title: 'No hay ningún registro de %{name} con este id',
    help: 'Puede que se haya escrito mal o cortado al copiarlo, o que pertenezca a otro entorno. Cada registro muestra su id completo, con un botón para copiarlo.',
    failed_title: 'No se pudo cargar este registro de %{name}',
    failed_help: 'El servidor no respondió como se esperaba. Vuelve a intentarlo en un momento.',
    back: 'Volver a %{name}',
  },
  access: {
    title: 'No disponible para tu rol',
    help: 'Tu rol no puede abrir %{name}. Si lo necesitas para tu trabajo, pídeselo a un administrador.',
    home: 'Ir al inicio',
  },
  sort: {
    amount_across_currencies: 'Ordenado por importe como número en la unidad mínima de cada moneda, sin tipo de cambio: \u00a5500 queda junto a $5.00. Filtra por una moneda para comparar importes comparables.',
  },
};
