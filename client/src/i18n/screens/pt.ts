// As mensagens de ./en.ts em português (mesmas chaves).
export const screensPt = {
  payout: {
    needs_one: 'Requer 1 aprovação',
    needs_two: 'Requer 2 aprovações',
    given: '%{given} de %{required} dadas',
    balance_short: 'Saldo insuficiente',
    balance_short_help: 'O saldo disponível do comerciante não cobre este repasse: a aprovação seria recusada.',
    needs_two_help: 'Igual ou acima do valor de dupla aprovação: dois administradores diferentes devem aprovar.',
    declined_by: 'Recusado por',
    not_approved: 'Recusado antes de qualquer aprovação',
    no_approvals_recorded: 'Nenhuma aprovação registrada',
    approve_refused_short: 'O saldo disponível não cobre este repasse: o servidor recusaria a aprovação.',
  },
  session: {
    idle: 'Sua sessão foi encerrada após um período sem atividade. Entre de novo para continuar de onde parou.',
    expired: 'Sua sessão atingiu a duração máxima e foi encerrada. Entre de novo para continuar de onde parou.',
    disabled: 'Sua conta está desativada. Fale com um administrador.',
    ended: 'Sua sessão foi encerrada: em outra aba ou janela, em outro dispositivo, ou porque sua senha ou seu papel mudou.',
    throttled_seconds: 'Tentativas de entrada demais. Tente de novo em %{smart_count} segundo. |||| Tentativas de entrada demais. Tente de novo em %{smart_count} segundos.',
    throttled_minutes: 'Tentativas de entrada demais. Tente de novo em %{smart_count} minuto. |||| Tentativas de entrada demais. Tente de novo em %{smart_count} minutos.',
    throttled_later: 'Tentativas de entrada demais. Tente de novo mais tarde.',
  },
  not_found: {
    title: 'Nenhum registro de %{name} com este id',
    help: 'Pode ter sido digitado errado ou cortado ao copiar, ou pertence a outro ambiente. Cada registro mostra o id completo, com um botão para copiá-lo.',
    failed_title: 'Não foi possível carregar este registro de %{name}',
    failed_help: 'O servidor não respondeu como esperado. Tente de novo em instantes.',
    back: 'Voltar para %{name}',
  },
  access: {
    title: 'Não disponível para o seu papel',
    help: 'Seu papel não pode abrir %{name}. Se precisar disso para o seu trabalho, peça a um administrador.',
    home: 'Ir para o início',
  },
  sort: {
    amount_across_currencies: 'Ordenado pelo valor como número na menor unidade de cada moeda, sem câmbio: \u00a5500 fica junto de $5.00. Filtre por uma moeda para comparar valores comparáveis.',
  },
};
