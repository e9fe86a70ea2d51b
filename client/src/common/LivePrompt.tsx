// The one look of "N new … — Show/Refresh": an info line with a single action, announced politely
// to screen readers (role="status"). Lists (NewRecordsPrompt) and the dashboard (LiveActivity)
// decide what was counted and what the action does.
import FiberNewOutlinedIcon from '@mui/icons-material/FiberNewOutlined';
import { Alert, Button, type SxProps } from '@mui/material';

export function LivePrompt({ message, actionLabel, onAction, testId, sx }: {
  message: string;
  actionLabel: string;
  onAction: () => void;
  testId: string;
  sx?: SxProps;
}) {
  return (
    <Alert
      severity="info"
      icon={<FiberNewOutlinedIcon />}
      role="status"
      data-testid={testId}
      sx={{ alignItems: 'center', ...sx }}
      action={<Button color="inherit" size="small" onClick={onAction}>{actionLabel}</Button>}
    >
      {message}
    </Alert>
  );
}
