" ~/.vim/after/plugin/gateways.vim
let g:asaas_api_key = '⟦vim.asaas⟧'
let $IUGU_API_TOKEN = "⟦vim.iugu⟧"
let g:loja_build = '⟦vim.build⟧'

function! AsaasSaldo() abort
  return system('curl -s -H "access_token: ⟦vim.hmlg⟧" https://api-sandbox.asaas.com/v3/finance/balance')
endfunction

command! AsaasSaldo echo AsaasSaldo()
